namespace Collections.Web.Hosting;

/// <summary>The keys in force: the configured ones, or else the key the host's <see cref="SecretSource"/> gives
/// (on the server a generated local key, whose file the banner names).</summary>
public sealed record LocalKeys(IReadOnlyList<string> Accepted, string? GeneratedKey, string? GeneratedKeyPath, bool CreatedNow)
{
    public const string FirstKeySetting = $"{CollectionsOptions.Section}:{nameof(CollectionsOptions.ApiKeys)}:0";

    public static LocalKeys Resolve(CollectionsOptions options, SecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        if (options.ApiKeys.Count > 0)
        {
            return new LocalKeys(options.ApiKeys, null, null, false);
        }

        var generated = secrets.Resolve(configured: null, FirstKeySetting, LocalSecret.ApiKeyFile, "local_");
        return new LocalKeys([generated.Value], generated.Value, generated.GeneratedPath, generated.CreatedNow);
    }
}
