using Azure.Core;
using Azure.Identity;
using Collections.Infrastructure.Channels.Acs;
using Collections.Infrastructure.Channels.EventGrid;
using Collections.Infrastructure.Channels.Outbox;
using Collections.Infrastructure.Channels.Smtp;
using Collections.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Collections.Infrastructure.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IMessageSender"/> (routing SMS, email and WhatsApp to the configured providers, the outbox
    /// by default) and <see cref="AcsEventGridHandler"/> from <c>Collections:Channels</c>, validated at start-up.
    /// Needs an <c>ICollectionsStore</c> registration for the outbox. A registered <see cref="TokenCredential"/>
    /// is used for ACS endpoints without a connection string; otherwise <see cref="DefaultAzureCredential"/>.</summary>
    public static IServiceCollection AddCollectionsChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ChannelsOptions>().Bind(configuration.GetSection(ChannelsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChannelsOptions>, ChannelsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISmsFirstSentLog>(sp =>
            sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.Sms.RepeatabilityDatabase is { Length: > 0 } database
                ? new SqliteSmsFirstSentLog(database)
                : new InMemorySmsFirstSentLog());
        services.TryAddSingleton(sp => new OutboxMessageSender(
            sp.GetRequiredService<Collections.Storage.ICollectionsStore>(), sp.GetRequiredService<TimeProvider>(), LoggerFor<OutboxMessageSender>(sp)));
        services.TryAddSingleton(sp => new AcsEventGridHandler(sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.EventGrid, LoggerFor<AcsEventGridHandler>(sp)));
        services.TryAddSingleton<IMessageSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChannelsOptions>>().Value;
            return new RoutingMessageSender(CreateSmsSender(sp, options.Sms), CreateEmailSender(sp, options.Email), CreateWhatsAppSender(sp, options.WhatsApp));
        });
        return services;
    }

    private static IMessageSender CreateSmsSender(IServiceProvider sp, SmsChannelOptions sms) => sms.Provider switch
    {
        SmsProvider.Acs => new AcsSmsSender(
            CreatePipeline(sp, sms.Acs), sms.From!, sp.GetRequiredService<ISmsFirstSentLog>(), sp.GetRequiredService<TimeProvider>(), LoggerFor<AcsSmsSender>(sp)),
        _ => sp.GetRequiredService<OutboxMessageSender>(),
    };

    private static IMessageSender CreateWhatsAppSender(IServiceProvider sp, WhatsAppChannelOptions whatsApp) => whatsApp.Provider switch
    {
        WhatsAppProvider.Acs => new AcsWhatsAppSender(
            CreatePipeline(sp, whatsApp.Acs), whatsApp.ChannelRegistrationId!.Value, sp.GetRequiredService<ISmsFirstSentLog>(), sp.GetRequiredService<TimeProvider>(), LoggerFor<AcsWhatsAppSender>(sp)),
        _ => sp.GetRequiredService<OutboxMessageSender>(),
    };

    private static IMessageSender CreateEmailSender(IServiceProvider sp, EmailChannelOptions email) => email.Provider switch
    {
        EmailProvider.Acs => new AcsEmailSender(
            CreatePipeline(sp, email.Acs),
            new AcsEmailSettings(email.From!, email.ReplyTo, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), email.MaxPollDuration),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFor<AcsEmailSender>(sp)),
        EmailProvider.Smtp => new SmtpMessageSender(
            new SmtpSettings(email.Smtp.Host!, email.Smtp.Port, email.Smtp.Security, email.Smtp.Username, email.Smtp.Password, email.From!, email.FromName, email.ReplyTo, email.Smtp.Timeout),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFor<SmtpMessageSender>(sp)),
        _ => sp.GetRequiredService<OutboxMessageSender>(),
    };

    private static AcsPipeline CreatePipeline(IServiceProvider sp, AcsOptions acs)
    {
        var clientOptions = new AcsClientOptions();
        clientOptions.Retry.MaxRetries = acs.MaxRetries;
        clientOptions.Retry.Delay = acs.RetryDelay;
        clientOptions.Retry.NetworkTimeout = acs.NetworkTimeout;
        if (!string.IsNullOrWhiteSpace(acs.ConnectionString))
        {
            return AcsPipeline.FromConnectionString(acs.ConnectionString, clientOptions, sp.GetRequiredService<TimeProvider>());
        }

        var credential = sp.GetService<TokenCredential>()
            ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = acs.ManagedIdentityClientId });
        return AcsPipeline.FromTokenCredential(acs.Endpoint!, credential, clientOptions);
    }

    private static ILogger<T> LoggerFor<T>(IServiceProvider sp) =>
        sp.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
