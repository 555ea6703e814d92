namespace Collections.Infrastructure.Storage;

/// <summary>Configuration section <c>Collections:Tables</c>.</summary>
public sealed class TableStoreOptions
{
    public const string Section = "Collections:Tables";

    /// <summary>A storage account connection string (for Azurite: its well-known development account).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Prefixes every table name, so several deployments or test runs can share an account.</summary>
    public string TablePrefix { get; set; } = "collections";

    /// <summary>Table names are 3–63 letters and digits starting with a letter
    /// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#table-names);
    /// our longest table suffix has 17 characters.</summary>
    /// <returns>Why the prefix is unusable, or null when it is fine.</returns>
    public static string? PrefixProblem(string? prefix) =>
        string.IsNullOrEmpty(prefix) || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 46
            ? $"{Section}:TablePrefix '{prefix}' must be 1 to 46 ASCII letters or digits starting with a letter (Azure table naming rules)."
            : null;
}
