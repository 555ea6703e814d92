using Azure.Data.Tables;
using Azure.Identity;

namespace Collections.Infrastructure.Storage;

/// <summary>Configuration section <c>Collections:Tables</c>.</summary>
public sealed class TableStoreOptions
{
    public const string Section = "Collections:Tables";

    /// <summary>A storage account connection string (for Azurite: its well-known development account).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The table service URI (https://&lt;account&gt;.table.core.windows.net). Used with Entra ID
    /// (managed identity in Azure, DefaultAzureCredential) when no connection string is given.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Prefixes every table name, so several deployments or test runs can share an account.</summary>
    public string TablePrefix { get; set; } = "collections";

    /// <summary>The table service these options name: by connection string, else by endpoint with Entra ID.</summary>
    public TableServiceClient CreateServiceClient() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? new TableServiceClient(new Uri(Endpoint), new DefaultAzureCredential())
            : new TableServiceClient(ConnectionString);

    /// <summary>Table names are 3–63 letters and digits starting with a letter
    /// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#table-names);
    /// our longest table suffix has 17 characters.</summary>
    /// <returns>Why the prefix is unusable, or null when it is fine.</returns>
    public static string? PrefixProblem(string? prefix) =>
        string.IsNullOrEmpty(prefix) || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 46
            ? $"{Section}:TablePrefix '{prefix}' must be 1 to 46 ASCII letters or digits starting with a letter (Azure table naming rules)."
            : null;
}
