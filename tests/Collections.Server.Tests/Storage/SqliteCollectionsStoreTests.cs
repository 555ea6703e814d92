using Collections.Infrastructure.Storage;
using Collections.Storage;
using Microsoft.Data.Sqlite;

namespace Collections.Server.Tests.Storage;

/// <summary>The store contract on a real SQLite file in a fresh temp folder.</summary>
public sealed class SqliteCollectionsStoreTests : CollectionsStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("collections-store-").FullName;

    public SqliteCollectionsStoreTests()
    {
        Store = new SqliteCollectionsStore(DatabasePath);
    }

    protected override ICollectionsStore Store { get; }

    private string DatabasePath => Path.Combine(_folder, "nested", "collections.db");

    /// <summary>The database file and its WAL, read while the store has them open.</summary>
    protected override async Task<string> StoredTextAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            text.Append(System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
        }

        return text.ToString();
    }

    [Fact]
    public async Task Open_ExistingFile_KeepsDataAndSchemaVersion()
    {
        await Store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);

        var reopened = new SqliteCollectionsStore(DatabasePath);

        Assert.NotNull(await reopened.GetInvoiceAsync("F-1", CancellationToken.None));
        Assert.Equal([.. Enumerable.Range(1, SqliteSchema.CurrentVersion).Select(version => (long)version)], Query("SELECT version FROM schema_version ORDER BY version;"));
        Assert.Equal(["wal"], Query("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion1_GainsTheSentMessagesTableAndKeepsData()
    {
        await Store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);
        Execute(DowngradeToVersion2 + "DROP TABLE sent_messages; DELETE FROM schema_version WHERE version > 1;");

        var reopened = new SqliteCollectionsStore(DatabasePath);
        await reopened.RecordSentMessageAsync("op-1", "invoice-F-1", DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.NotNull(await reopened.GetInvoiceAsync("F-1", CancellationToken.None));
        Assert.Equal("invoice-F-1", await reopened.FindSentMessageTagAsync("op-1", CancellationToken.None));
        Assert.Equal([(long)SqliteSchema.CurrentVersion], Query("SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion2_FindsEarlierCallTasksByDebtor()
    {
        await Store.AddCallTaskAsync(StoreSamples.CallTask("t-1", dueInHours: 1), CancellationToken.None);
        Execute(DowngradeToVersion2);

        var reopened = new SqliteCollectionsStore(DatabasePath);

        Assert.Equal("t-1", Assert.Single(await reopened.ListCallTasksOfDebtorAsync("D-1", CancellationToken.None)).Id);
    }

    private const string DowngradeToVersion2 = """
        DROP TABLE shared_values;
        DROP TABLE leases;
        DROP INDEX ix_call_tasks_debtor; ALTER TABLE call_tasks DROP COLUMN debtor_id;
        DELETE FROM schema_version WHERE version > 2;
        """;

    [Fact]
    public void Open_FileFromANewerBuild_FailsNamingBothVersions()
    {
        Execute("INSERT INTO schema_version (version) VALUES (99);");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteCollectionsStore(DatabasePath));

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Contains(SqliteSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_WritesEnumsAsCamelCaseStrings()
    {
        await Store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);
        await Store.AppendContactAsync(StoreSamples.Contact("c-1", "F-1", "D-1", minute: 1), CancellationToken.None);

        var invoiceJson = (string)Query("SELECT record_json FROM invoices;").Single();
        var contactJson = (string)Query("SELECT record_json FROM contact_log;").Single();

        Assert.Contains("\"kind\":\"business\"", invoiceJson, StringComparison.Ordinal);
        Assert.Contains("\"preferredChannel\":\"email\"", invoiceJson, StringComparison.Ordinal);
        Assert.Contains("\"channel\":\"sms\"", contactJson, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        ((SqliteCollectionsStore)Store).Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private List<object> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }

    private void Execute(string sql) => Query(sql);
}
