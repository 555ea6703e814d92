using Collections.Handlers.Approvals;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Handlers.Payments;
using Collections.Handlers.Tasks;
using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Payments;
using Collections.Infrastructure.Storage;
using Collections.Policy;
using Collections.Web.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collections.Web.Hosting;

public static class CollectionsServiceCollectionExtensions
{
    /// <summary>What both hosts need: validated options, API keys, the store chosen by <c>Collections:Store</c>,
    /// the policy new workflows are pinned to, and the request handlers over the store and the workflow port
    /// (<see cref="Collections.Handlers.IInvoiceWorkflows"/>, which each host registers for its engine).</summary>
    public static IServiceCollection AddCollections(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CollectionsOptions>()
            .BindConfiguration(CollectionsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<MollieOptions>().BindConfiguration("Collections:Mollie");
        services.AddHttpClient(nameof(MollieClient));

        services.AddCollectionsStore(configuration);
        services.AddCollectionsChannels(configuration);
        services.TryAddSingleton(LoadPolicy(configuration.GetSection(CollectionsOptions.Section).Get<CollectionsOptions>()?.PolicyPath));
        services.TryAddSingleton(TimeProvider.System);
        // A host that may generate secrets registers its own source first; otherwise every secret must be configured.
        services.TryAddSingleton(SecretSource.ConfigurationOnly);
        services.TryAddSingleton(provider => LocalKeys.Resolve(
            provider.GetRequiredService<IOptions<CollectionsOptions>>().Value, provider.GetRequiredService<SecretSource>()));
        services.TryAddSingleton(provider => new ApiKeyRing(provider.GetRequiredService<LocalKeys>().Accepted));

        services.TryAddSingleton<SubmitInvoiceHandler>();
        services.TryAddSingleton<SubmitInvoiceBatchHandler>();
        services.TryAddSingleton<InvoiceQueries>();
        services.TryAddSingleton<RecordPaymentHandler>();
        services.TryAddSingleton<CreditInvoiceHandler>();
        services.TryAddSingleton<CancelInvoiceHandler>();
        services.TryAddSingleton<PauseInvoiceHandler>();
        services.TryAddSingleton<UpdateContactDetailsHandler>();
        services.TryAddSingleton<WhatsAppConsentHandler>();
        services.TryAddSingleton<AmendInvoiceHandler>();
        services.TryAddSingleton<DisputeInvoiceHandler>();
        services.TryAddSingleton<CallQueries>();
        services.TryAddSingleton<RecordCallOutcomeHandler>();
        services.TryAddSingleton<ApprovalHandler>();
        services.TryAddSingleton<DeliveryFailureHandler>();
        services.TryAddSingleton<InboundMessageHandler>();
        services.TryAddSingleton<StaffAccounts>();
        services.TryAddSingleton<StaffTaskHandler>();
        return services;
    }

    /// <exception cref="PolicyException">The policy file is not valid; the message names the field.</exception>
    private static CollectionsPolicy LoadPolicy(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new CollectionsPolicy();
        }

        return File.Exists(path)
            ? PolicyDocument.Parse(File.ReadAllText(path))
            : throw new PolicyException($"Collections:PolicyPath '{path}' does not exist.");
    }
}
