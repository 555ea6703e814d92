using Collections.Links;
using Collections.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Collections.Web.DebtorPages;

/// <summary>The host's debtor-link secret and base address: verifies links, and creates them for an
/// invoice (<see cref="Create"/>) with the configured lifetime.</summary>
public sealed class DebtorLinks
{
    public const string SecretFileName = "debtor-link-secret";

    public const string SecretSetting = $"{DebtorPagesOptions.Section}:{nameof(DebtorPagesOptions.LinkSecret)}";

    private readonly TimeProvider time;

    public DebtorLinks(IOptions<DebtorPagesOptions> pages, IOptions<CollectionsOptions> collections, TimeProvider time, SecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(collections);
        this.time = time;
        Options = pages.Value;
        ArgumentNullException.ThrowIfNull(secrets);
        Secret = secrets.Resolve(Options.LinkSecret, SecretSetting, SecretFileName).Value;
        PageBase = new Uri(new Uri((collections.Value.PublicBaseUrl ?? CollectionsOptions.DefaultPublicBaseUrl).TrimEnd('/') + "/"), "debtor/");
    }

    public DebtorPagesOptions Options { get; }

    public Uri PageBase { get; }

    internal string Secret { get; }

    public Uri Create(string invoiceNumber) =>
        DebtorLinkSigner.CreateLink(PageBase, Secret, invoiceNumber, time.GetUtcNow().AddDays(Options.LinkLifetimeDays));

    public DebtorLinkStatus Verify(string invoiceNumber, string? expires, string? signature) =>
        DebtorLinkSigner.Verify(Secret, invoiceNumber, expires, signature, time.GetUtcNow());
}
