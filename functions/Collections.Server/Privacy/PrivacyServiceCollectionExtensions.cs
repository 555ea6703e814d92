using Collections.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collections.Server.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Retention (section <c>Collections:Retention</c>), the daily sweep, subject access and erasure.</summary>
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
        services.AddHostedService<RetentionHost>();
        return services;
    }
}
