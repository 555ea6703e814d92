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

    private const string DowngradeToVersion9 = """
        DROP INDEX ix_invoices_status_last_step; DROP INDEX ix_invoices_promises;
        ALTER TABLE invoices DROP COLUMN last_step; ALTER TABLE invoices DROP COLUMN promises_made; ALTER TABLE invoices DROP COLUMN promises_broken;
        DELETE FROM schema_version WHERE version > 9;
        """;

    private const string DowngradeToVersion8 = DowngradeToVersion9 + """
        DROP INDEX ix_invoices_status_due_open; DROP INDEX ix_invoices_issue; ALTER TABLE invoices DROP COLUMN issue_day; ALTER TABLE invoices DROP COLUMN amount_cents;
        DELETE FROM schema_version WHERE version > 8;
        """;

    private const string DowngradeToVersion7 = DowngradeToVersion8 + """
        DROP INDEX ix_invoices_stage; DROP INDEX ix_invoices_status_stage; ALTER TABLE invoices DROP COLUMN stage;
        DELETE FROM schema_version WHERE version > 7;
        """;

    private const string DowngradeToVersion5 = DowngradeToVersion7 + """
        DROP TABLE staff_tasks;
        DROP TABLE invoice_terms;
        DROP INDEX ix_invoices_due; DROP INDEX ix_invoices_open; DROP INDEX ix_invoices_status_due; DROP INDEX ix_invoices_status_open; DROP INDEX ix_invoices_unindexed;
        ALTER TABLE invoices DROP COLUMN due_day; ALTER TABLE invoices DROP COLUMN open_cents; ALTER TABLE invoices DROP COLUMN paused;
        ALTER TABLE invoices DROP COLUMN disputed; ALTER TABLE invoices DROP COLUMN indexed;
        DELETE FROM schema_version WHERE version > 5;
        """;

    private const string DowngradeToVersion2 = DowngradeToVersion5 + """
        DROP TABLE shared_values;
        DROP TABLE leases;
        DROP INDEX ix_call_tasks_debtor; ALTER TABLE call_tasks DROP COLUMN debtor_id;
        DELETE FROM schema_version WHERE version > 2;
        """;

    [Fact]
    public async Task Open_FileOfSchemaVersion8_EarlierInvoicesCountInTheBookTotals()
    {
        await Store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);
        Execute(DowngradeToVersion8);

        var reopened = new SqliteCollectionsStore(DatabasePath);
        var book = await reopened.BookTotalsAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1), CancellationToken.None);

        Assert.Equal(new DueDateTotal(new DateOnly(2026, 3, 1), 1, 1250.75m), Assert.Single(book.OpenByDueDate));
        Assert.Equal(1250.75m, book.Invoiced);
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion9_EarlierInvoicesTakeALadderStepAndPromises()
    {
        await Store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);
        await Store.SetInvoiceProgressAsync("F-1", new InvoiceProgress("first-call"), CancellationToken.None);
        Execute(DowngradeToVersion9);

        var reopened = new SqliteCollectionsStore(DatabasePath);
        Assert.Equal((0, 0), Promises(await reopened.LadderTotalsAsync(CancellationToken.None)));
        Assert.True(await reopened.SetInvoiceProgressAsync("F-1", new InvoiceProgress("watch-promise", new LadderCounts("call", 1, 0)), CancellationToken.None));

        Assert.Equal((1, 0), Promises(await reopened.LadderTotalsAsync(CancellationToken.None)));
        Assert.Equal([new StageTotal("watch-promise", 1, 1250.75m)], await reopened.OpenInvoicesByStageAsync(CancellationToken.None));
    }

    /// <summary>The ladder totals read the small indexes only: the partial promises index holds only invoices with a
    /// promise, and the paid count per step reads (status, last_step).</summary>
    [Theory]
    [InlineData(SqliteCollectionsStore.PromiseTotalsQuery, "SCAN invoices USING COVERING INDEX ix_invoices_promises")]
    [InlineData(SqliteCollectionsStore.PaidByLastStepQuery, "SEARCH invoices USING COVERING INDEX ix_invoices_status_last_step (status=?)")]
    public void LadderTotalsQueries_ReadTheirIndexesOnly(string sql, string expectedPlanStart)
    {
        var plan = Plan(sql, [("$paid", "paid")]);

        Assert.StartsWith(expectedPlanStart, Assert.Single(plan), StringComparison.Ordinal);
    }

    /// <summary>The overview's totals read covering indexes only: no table rows, no temporary sort.</summary>
    [Theory]
    [InlineData(SqliteCollectionsStore.OpenByDueDateQuery, "SEARCH invoices USING COVERING INDEX ix_invoices_status_due_open (status=?)")]
    [InlineData(SqliteCollectionsStore.InvoicedQuery, "SEARCH invoices USING COVERING INDEX ix_invoices_issue (issue_day>? AND issue_day<?)")]
    [InlineData(SqliteCollectionsStore.ByStatusQuery, "SCAN invoices USING COVERING INDEX ix_invoices_status")]
    public void BookTotalsQueries_ReadCoveringIndexesOnly(string sql, string expectedPlanStart)
    {
        var plan = Plan(sql, [("$open", "open"), ("$from", 1), ("$to", 2)]);

        // Any index leading with the grouped column serves the count per status.
        Assert.StartsWith(expectedPlanStart, Assert.Single(plan), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion7_EarlierInvoicesTakeAStage()
    {
        await Store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);
        Execute(DowngradeToVersion7);

        var reopened = new SqliteCollectionsStore(DatabasePath);
        Assert.Equal([new StageTotal(null, 1, StoreSamples.Invoice("F-1").OpenBalance)], await reopened.OpenInvoicesByStageAsync(CancellationToken.None));
        Assert.True(await reopened.SetInvoiceProgressAsync("F-1", new InvoiceProgress("friendly-reminder"), CancellationToken.None));

        Assert.Equal("F-1", Assert.Single((await reopened.SearchInvoicesAsync(new InvoiceSearch(new DateOnly(2026, 3, 31), Stage: "friendly-reminder"), CancellationToken.None)).Items).Invoice.Number);
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion5_IndexesEarlierInvoicesForSearch()
    {
        await Store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);
        Execute(DowngradeToVersion5);

        var reopened = new SqliteCollectionsStore(DatabasePath);
        var found = await reopened.SearchInvoicesAsync(new InvoiceSearch(new DateOnly(2026, 3, 31), Text: "jansen", MinDaysOverdue: 30), CancellationToken.None);

        Assert.Equal("F-1", Assert.Single(found.Items).Invoice.Number);
    }

    /// <summary>Every search shape is served by an index: no full scan of invoices, no sort of the book (text searches
    /// sort their matches only). The plans are listed in docs/store.md.</summary>
    [Theory]
    [InlineData(InvoiceSort.DueDate, "open", null, null)]
    [InlineData(InvoiceSort.DueDate, null, 30, null)]
    [InlineData(InvoiceSort.OpenBalance, "open", null, "after")]
    [InlineData(InvoiceSort.OpenBalance, null, null, null)]
    [InlineData(InvoiceSort.Number, "paid", null, "after")]
    [InlineData(InvoiceSort.Number, null, 10, null)]
    public void SearchQuery_WithoutText_WalksAnIndexInSortOrder(InvoiceSort sort, string? status, int? minDaysOverdue, string? after)
    {
        var search = new InvoiceSearch(new DateOnly(2026, 3, 31), Status: status, MinDaysOverdue: minDaysOverdue, Sort: sort, Paused: false);
        if (after is not null)
        {
            search = search with { After = InvoiceSearchKeys.Cursor(search, 739000, "F-1") };
        }

        var plan = Plan(search);

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN invoices", StringComparison.Ordinal) && !step.Contains("USING", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public void SearchQuery_WithText_ReadsTermRangesAndLooksInvoicesUpByNumber()
    {
        var plan = Plan(new InvoiceSearch(new DateOnly(2026, 3, 31), Text: "jansen 2026", Status: "open"));

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN invoice", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH invoice_terms USING PRIMARY KEY (term>? AND term<?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH invoices", StringComparison.Ordinal) && step.Contains("number=?", StringComparison.Ordinal));
    }

    private List<string> Plan(InvoiceSearch search)
    {
        var (sql, parameters) = SqliteCollectionsStore.SearchQuery(search);
        return Plan(sql, parameters);
    }

    private static (int Made, int Broken) Promises(LadderTotals totals) => (totals.PromisesMade, totals.PromisesBroken);

    private List<string> Plan(string sql, (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

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
