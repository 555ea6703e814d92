using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Storage;
using Collections.Web.DebtorPages;
using Collections.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Collections.AzureFunctions.Hosting;

/// <summary>
/// What the Functions app cannot start without. Every secret comes from configuration (on Azure Key Vault
/// references written by infra/modules/appsettings.bicep): instances scale out, so a secret generated per
/// instance would make links signed on one instance fail on another. The store must be Azure Tables: a SQLite
/// file would be one store per instance. Stripe and Mollie secrets are optional (without one that provider's
/// webhook is refused), so they are not listed.
/// </summary>
public static class RequiredSettings
{
    /// <summary>Configuration keys of the secrets, e.g. <c>Collections:Activities:ApprovalTokenSecret</c>.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        LocalKeys.FirstKeySetting,
        ActivityOptionsFactory.ApprovalSecretSetting,
        DebtorLinks.SecretSetting,
        $"{CollectionsOptions.Section}:{nameof(CollectionsOptions.Webhooks)}:{nameof(WebhookOptions.Secret)}",
        $"{ChannelsOptions.SectionName}:{nameof(ChannelsOptions.EventGrid)}:{nameof(EventGridOptions.Secret)}",
    ];

    /// <summary>One line per setting that is missing or wrong, naming it as an app setting; empty when the app can start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = Secrets
            .Where(key => string.IsNullOrWhiteSpace(configuration[key]))
            .Select(key => new MissingSettingException(key).Message)
            .ToList();
        if (!string.Equals(configuration[StoreServiceCollectionExtensions.StoreKey], "tables", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{MissingSettingException.AppSettingName(StoreServiceCollectionExtensions.StoreKey)} must be 'tables': "
                + "the Functions app keeps its data in Azure Tables, shared by every instance (no SQLite file).");
        }

        return problems;
    }
}
