using Collections.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collections.Web.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Retention (section <c>Collections:Retention</c>), subject access and erasure, for both hosts.</summary>
    public static IServiceCollection AddCollectionsPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<InvoiceRedactor>();
        services.TryAddSingleton(provider => new RetentionSweep(
            provider.GetRequiredService<Collections.Storage.ICollectionsStore>(),
            provider.GetRequiredService<InvoiceRedactor>(),
            provider.GetRequiredService<IOptions<RetentionOptions>>().Value));
        services.TryAddSingleton<DebtorErasure>();
        services.TryAddSingleton<DebtorExporter>();
        return services;
    }
}
