using Collections.Handlers.Approvals;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Handlers.Payments;
using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Payments;
using Collections.Infrastructure.Storage;
using Collections.Server.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collections.Server.Hosting;

public static class CollectionsServiceCollectionExtensions
{
    /// <summary>Everything the self-hosted product needs: validated options, API keys, the store chosen by
    /// <c>Collections:Store</c>, and the request handlers over the store and the workflow engine.</summary>
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
        services.AddEmbeddedWorkflows(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => LocalKeys.Resolve(provider.GetRequiredService<IOptions<CollectionsOptions>>().Value));
        services.TryAddSingleton(provider => new ApiKeyRing(provider.GetRequiredService<LocalKeys>().Accepted));

        services.TryAddSingleton<SubmitInvoiceHandler>();
        services.TryAddSingleton<InvoiceQueries>();
        services.TryAddSingleton<RecordPaymentHandler>();
        services.TryAddSingleton<CreditInvoiceHandler>();
        services.TryAddSingleton<CancelInvoiceHandler>();
        services.TryAddSingleton<PauseInvoiceHandler>();
        services.TryAddSingleton<UpdateContactDetailsHandler>();
        services.TryAddSingleton<AmendInvoiceHandler>();
        services.TryAddSingleton<DisputeInvoiceHandler>();
        services.TryAddSingleton<CallQueries>();
        services.TryAddSingleton<RecordCallOutcomeHandler>();
        services.TryAddSingleton<ApprovalHandler>();
        services.TryAddSingleton<DeliveryFailureHandler>();

        services.TryAddSingleton<StaffAccounts>();
        services.AddHostedService<StartupBanner>();
        return services;
    }
}
