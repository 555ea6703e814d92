using System.ComponentModel.DataAnnotations;

namespace Collections.Web.Hosting;

/// <summary>The server's settings, section <c>Collections</c> (appsettings.json, env <c>Collections__…</c>, command line).
/// Store (<c>Collections:Store</c>, <c>:Sqlite</c>, <c>:Tables</c>) and Mollie (<c>Collections:Mollie</c>) settings
/// are bound by their own registrations.</summary>
public sealed class CollectionsOptions : IValidatableObject
{
    public const string Section = "Collections";

    /// <summary>Where links point when <see cref="PublicBaseUrl"/> is not set: the self-hosted server's default address.</summary>
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:5080";

    /// <summary>Keys accounting systems and staff tools send in <c>X-Api-Key</c>. When empty, the server
    /// generates one local key on first start and keeps it in <see cref="DataPath"/>.</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];

    /// <summary>Folder for the SQLite database, the generated local API key and other local state.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>A policy file; the built-in default policy when empty. Read and checked at start-up.</summary>
    public string? PolicyPath { get; set; }

    /// <summary>The address approval links and debtor pages in messages point at.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    public WebhookOptions Webhooks { get; set; } = new();

    public StripeOptions Stripe { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var index = 0; index < ApiKeys.Count; index++)
        {
            if (ApiKeys[index].Length < ApiKeyRing.MinimumKeyLength)
            {
                yield return new ValidationResult(
                    $"Collections:ApiKeys:{index} is shorter than {ApiKeyRing.MinimumKeyLength} characters.", [nameof(ApiKeys)]);
            }
        }
    }
}

/// <summary>The generic payment webhook (<c>POST /api/webhooks/payments</c>): HMAC-SHA256 of the body in <c>X-Signature</c>.</summary>
public sealed class WebhookOptions
{
    public string? Secret { get; set; }
}

/// <summary>Stripe's endpoint signing secret (<c>whsec_…</c>) for <c>Stripe-Signature</c>.</summary>
public sealed class StripeOptions
{
    public string? WebhookSecret { get; set; }
}
