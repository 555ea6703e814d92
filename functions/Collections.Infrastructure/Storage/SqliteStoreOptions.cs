namespace Collections.Infrastructure.Storage;

/// <summary>Configuration section <c>Collections:Sqlite</c>.</summary>
public sealed class SqliteStoreOptions
{
    public const string Section = "Collections:Sqlite";

    /// <summary>The store file; its folder is created when missing. Relative paths resolve against the working directory.</summary>
    public string Path { get; set; } = "./data/collections.db";
}
