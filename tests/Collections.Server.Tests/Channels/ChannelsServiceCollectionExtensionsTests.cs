using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Channels.Acs;
using Collections.Infrastructure.Channels.EventGrid;
using Collections.Infrastructure.Channels.Outbox;
using Collections.Infrastructure.Channels.Smtp;
using Collections.Messaging;
using Collections.Server.Tests.Channels.Outbox;
using Collections.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.Server.Tests.Channels;

public sealed class ChannelsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCollectionsChannels_NothingConfigured_RoutesBothChannelsToTheOutbox()
    {
        using var provider = Build([]);

        var router = Assert.IsType<RoutingMessageSender>(provider.GetRequiredService<IMessageSender>());
        Assert.IsType<OutboxMessageSender>(router.Sms);
        Assert.IsType<OutboxMessageSender>(router.Email);
        Assert.IsType<OutboxMessageSender>(router.WhatsApp);
    }

    [Fact]
    public void AddCollectionsChannels_AcsWhatsApp_PicksAdvancedMessaging()
    {
        using var provider = Build(new()
        {
            ["Collections:Channels:WhatsApp:Provider"] = "acs",
            ["Collections:Channels:WhatsApp:ChannelRegistrationId"] = "7d0e3a5c-0b1f-4c9e-9a2d-5e6f7a8b9c0d",
            ["Collections:Channels:WhatsApp:Acs:Endpoint"] = "https://contoso.communication.azure.com/",
        });

        Assert.IsType<AcsWhatsAppSender>(Assert.IsType<RoutingMessageSender>(provider.GetRequiredService<IMessageSender>()).WhatsApp);
    }

    [Fact]
    public void AddCollectionsChannels_OutboxWhatsAppWithEmptyChannelSetting_StartsOnTheOutbox()
    {
        // What infra/ writes when no WhatsApp account is connected.
        using var provider = Build(new()
        {
            ["Collections:Channels:WhatsApp:Provider"] = "Outbox",
            ["Collections:Channels:WhatsApp:ChannelRegistrationId"] = "",
            ["Collections:Channels:WhatsApp:Acs:Endpoint"] = "https://contoso.communication.azure.com/",
        });

        Assert.IsType<OutboxMessageSender>(Assert.IsType<RoutingMessageSender>(provider.GetRequiredService<IMessageSender>()).WhatsApp);
    }

    [Fact]
    public void AddCollectionsChannels_AcsWhatsAppWithoutChannel_FailsValidationNamingTheKey()
    {
        using var provider = Build(new()
        {
            ["Collections:Channels:WhatsApp:Provider"] = "acs",
            ["Collections:Channels:WhatsApp:Acs:Endpoint"] = "https://contoso.communication.azure.com/",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChannelsOptions>>().Value);

        Assert.Contains("Collections:Channels:WhatsApp:ChannelRegistrationId is required", string.Join("\n", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddCollectionsChannels_AcsConnectionStringAndSmtp_PicksThoseProviders()
    {
        using var provider = Build(new()
        {
            ["Collections:Channels:Sms:Provider"] = "acs",
            ["Collections:Channels:Sms:From"] = "+31850001234",
            ["Collections:Channels:Sms:Acs:ConnectionString"] = "endpoint=https://contoso.communication.azure.com/;accesskey=pw==",
            ["Collections:Channels:Email:Provider"] = "Smtp",
            ["Collections:Channels:Email:From"] = "billing@contoso.example",
            ["Collections:Channels:Email:Smtp:Host"] = "smtp.contoso.example",
            ["Collections:Channels:Email:Smtp:Security"] = "StartTls",
        });

        var router = Assert.IsType<RoutingMessageSender>(provider.GetRequiredService<IMessageSender>());
        Assert.IsType<AcsSmsSender>(router.Sms);
        Assert.IsType<SmtpMessageSender>(router.Email);
    }

    [Fact]
    public void AddCollectionsChannels_AcsEmailWithManagedIdentity_PicksAcsEmail()
    {
        using var provider = Build(new()
        {
            ["Collections:Channels:Email:Provider"] = "acs",
            ["Collections:Channels:Email:From"] = "DoNotReply@mail.contoso.example",
            ["Collections:Channels:Email:Acs:Endpoint"] = "https://contoso.communication.azure.com/",
        });

        Assert.IsType<AcsEmailSender>(Assert.IsType<RoutingMessageSender>(provider.GetRequiredService<IMessageSender>()).Email);
    }

    [Fact]
    public void AddCollectionsChannels_ProvidersWithoutTheirSettings_FailValidationNamingEachKey()
    {
        using var provider = Build(new()
        {
            ["Collections:Channels:Sms:Provider"] = "acs",
            ["Collections:Channels:Sms:Acs:ConnectionString"] = "endpoint=https://contoso.communication.azure.com/",
            ["Collections:Channels:Email:Provider"] = "smtp",
            ["Collections:Channels:Email:Smtp:Username"] = "collections",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChannelsOptions>>().Value);

        var message = string.Join("\n", error.Failures);
        Assert.Contains("Collections:Channels:Sms:From", message, StringComparison.Ordinal);
        Assert.Contains("Collections:Channels:Sms:Acs:ConnectionString is invalid", message, StringComparison.Ordinal);
        Assert.Contains("accesskey", message, StringComparison.Ordinal);
        Assert.Contains("Collections:Channels:Email:From", message, StringComparison.Ordinal);
        Assert.Contains("Collections:Channels:Email:Smtp:Host", message, StringComparison.Ordinal);
        Assert.Contains("Collections:Channels:Email:Smtp:Password", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCollectionsChannels_AcsWithoutAnyCredential_FailsValidation()
    {
        using var provider = Build(new()
        {
            ["Collections:Channels:Email:Provider"] = "acs",
            ["Collections:Channels:Email:From"] = "DoNotReply@mail.contoso.example",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChannelsOptions>>().Value);

        Assert.Contains("Collections:Channels:Email:Acs:ConnectionString (access key) or Collections:Channels:Email:Acs:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCollectionsChannels_EventGridSecret_ReachesTheHandler()
    {
        using var provider = Build(new() { ["Collections:Channels:EventGrid:Secret"] = "s" });

        var response = provider.GetRequiredService<AcsEventGridHandler>()
            .Handle(new AcsEventGridRequest("POST", _ => null, "s", "[]"u8.ToArray()));

        Assert.Equal(200, response.StatusCode);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ICollectionsStore, OutboxOnlyStore>();
        services.AddCollectionsChannels(configuration);
        return services.BuildServiceProvider();
    }
}
