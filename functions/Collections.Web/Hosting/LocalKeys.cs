namespace Collections.Web.Hosting;

/// <summary>The keys in force: the configured ones, or else the generated local key (whose file the banner names).</summary>
public sealed record LocalKeys(IReadOnlyList<string> Accepted, string? GeneratedKey, string? GeneratedKeyPath, bool CreatedNow)
{
    public static LocalKeys Resolve(CollectionsOptions options)
    {
        if (options.ApiKeys.Count > 0)
        {
            return new LocalKeys(options.ApiKeys, null, null, false);
        }

        var (key, path, created) = LocalSecret.LoadOrCreate(options.DataPath, LocalSecret.ApiKeyFile, "local_");
        return new LocalKeys([key], key, path, created);
    }
}
