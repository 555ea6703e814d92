namespace Collections.Web.Hosting;

/// <summary>
/// Where a host's secrets come from when configuration does not name them: a host choice. The self-hosted server
/// generates each missing secret once into its data folder (<see cref="LocalSecret"/>; one node, kept across
/// restarts). The Azure Functions app generates none: its instances scale out, and a link signed on one instance
/// must verify on every other, so a missing secret is refused, naming the app setting that supplies it.
/// </summary>
public sealed class SecretSource
{
    private readonly string? dataPath;

    private SecretSource(string? dataPath) => this.dataPath = dataPath;

    public static SecretSource ConfigurationOnly { get; } = new(null);

    public static SecretSource ConfigurationOrGeneratedIn(string dataPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        return new SecretSource(dataPath);
    }

    /// <param name="configured">The configured value; used when not empty.</param>
    /// <param name="settingKey">Its configuration key, e.g. <c>Collections:Activities:ApprovalTokenSecret</c>.</param>
    /// <param name="fileName">The file in the data folder a generated value is kept in.</param>
    /// <param name="prefix">Put before a generated value (e.g. <c>local_</c> for API keys).</param>
    /// <exception cref="MissingSettingException">Nothing is configured and this source generates nothing.</exception>
    public ResolvedSecret Resolve(string? configured, string settingKey, string fileName, string prefix = "")
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return new ResolvedSecret(configured, GeneratedPath: null, CreatedNow: false);
        }

        if (dataPath is null)
        {
            throw new MissingSettingException(settingKey);
        }

        var (value, path, created) = LocalSecret.LoadOrCreate(dataPath, fileName, prefix);
        return new ResolvedSecret(value, path, created);
    }
}

/// <summary>A secret in force; <see cref="GeneratedPath"/> names the data-folder file when it was generated.</summary>
public sealed record ResolvedSecret(string Value, string? GeneratedPath, bool CreatedNow);
