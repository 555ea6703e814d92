using System.Buffers.Text;
using System.Security.Cryptography;
using Collections.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Collections.Server.DebtorPages;

/// <summary>The server's debtor-link secret and base address: verifies links, and creates them for an
/// invoice (<see cref="Create"/>) with the configured lifetime.</summary>
public sealed class DebtorLinks
{
    public const string SecretFileName = "debtor-link-secret";

    private readonly TimeProvider time;

    public DebtorLinks(IOptions<DebtorPagesOptions> pages, IOptions<CollectionsOptions> collections, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(collections);
        this.time = time;
        Options = pages.Value;
        Secret = Options.LinkSecret is { Length: > 0 } configured ? configured : LoadOrCreateSecret(collections.Value.DataPath);
        PageBase = new Uri(new Uri(collections.Value.PublicBaseUrl ?? ServerApp.DefaultUrl), "/debtor/");
    }

    public DebtorPagesOptions Options { get; }

    public Uri PageBase { get; }

    internal string Secret { get; }

    public Uri Create(string invoiceNumber) =>
        DebtorLinkSigner.CreateLink(PageBase, Secret, invoiceNumber, time.GetUtcNow().AddDays(Options.LinkLifetimeDays));

    public DebtorLinkStatus Verify(string invoiceNumber, string? expires, string? signature) =>
        DebtorLinkSigner.Verify(Secret, invoiceNumber, expires, signature, time.GetUtcNow());

    private static string LoadOrCreateSecret(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        var path = Path.Combine(dataPath, SecretFileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(secret);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
    }
}
