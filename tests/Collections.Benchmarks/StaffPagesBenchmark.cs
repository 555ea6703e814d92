using System.Diagnostics;
using System.Text.Json;
using Collections.Durable;
using Collections.Handlers.Invoices;
using Collections.Infrastructure.Storage;
using Collections.Storage;
using Collections.Web.Pages;
using Collections.Web.Staff;
using Collections.Server.Tests.Storage;
using Azure.Data.Tables;
using Microsoft.Data.Sqlite;

namespace Collections.Benchmarks;

/// <summary>
/// Staff pages over a large book (SQLite, or Azure Tables on Azurite): the data each page loads, by the page's own loaders, over a store of
/// <c>book</c> invoices with ten contact-log entries each (<see cref="BookSeeder"/>) and an open call task for one
/// invoice in a hundred (a tenth of them due today), and every invoice's workflow progress as the workflows record it
/// (<see cref="RecordProgressAsync"/>). Per page, <see cref="Samples"/> loads one after another: p50 and p95.
/// The HTML rendering is left out (it does not depend on the book's size).
/// </summary>
internal static class StaffPagesBenchmark
{
    private const int Samples = 30;
    private static readonly DateTimeOffset Morning = new(2026, 3, 16, 9, 0, 0, TimeSpan.FromHours(1));

    /// <param name="storeName">sqlite, or tables: the Azure Tables store on a local Azurite (installed by <c>bash .ci/install</c>).</param>
    public static async Task<string> RunAsync(int book, string storeName)
    {
        using var database = new BenchmarkDatabase();
        using var azurite = storeName == "tables" ? new AzuriteFixture() : null;
        var path = database.Path + ".store";
        using var sqlite = azurite is null ? new SqliteCollectionsStore(path) : null;
        ICollectionsStore store = azurite is null ? sqlite! : new TableCollectionsStore(new TableServiceClient(azurite.ConnectionString), "bench");
        var seeding = Stopwatch.StartNew();
        if (sqlite is not null)
        {
            await BookSeeder.SeedAsync(sqlite, path, book, 10, Morning);
        }
        else
        {
            await BookSeeder.SeedTablesAsync((TableCollectionsStore)store, book, 10, Morning);
        }

        for (var i = 0; i < book; i += 100)
        {
            var invoice = BookSeeder.Invoice(i);
            var due = i % 1_000 == 0 ? Morning : Morning.AddDays(7);
            await store.AddCallTaskAsync(
                new CallTaskRecord($"call-{invoice.Number}", invoice.Debtor.Id, [invoice.Number], $"invoice-{invoice.Number}", "first-contact", Morning.AddDays(-1), due, "open"),
                CancellationToken.None);
        }

        await RecordProgressAsync(store, sqlite is null ? null : path, book);
        Console.WriteLine($"{book} invoices, {book * 10} contact-log rows, {book / 100} call tasks written in {seeding.Elapsed.TotalSeconds:F1} s");
        await using var runtime = new DurableRuntime(new DurableRegistry(), new DurableRuntimeOptions { DatabasePath = database.Path });
        var workflows = new StatusOnlyWorkflows(runtime.Client);
        var queries = new InvoiceQueries(store, workflows);
        var today = DateOnly.FromDateTime(Morning.DateTime);
        var endOfToday = PageClock.EndOfDay(today);
        var lastPage = (book + 49) / 50;

        var pages = new Dictionary<string, object>
        {
            ["callList"] = await MeasureAsync("call list", async () =>
            {
                foreach (var task in await store.ListOpenCallTasksAsync(endOfToday, CancellationToken.None))
                {
                    await CallListItem.LoadAsync(store, task, CancellationToken.None);
                }
            }),
            ["invoiceListFirstPage"] = await MeasureAsync("invoice list, page 1", () => queries.ListAsync(null, 1, 50, CancellationToken.None)),
            ["invoiceListLastPage"] = await MeasureAsync($"invoice list, page {lastPage}", () => queries.ListAsync(null, lastPage, 50, CancellationToken.None)),
            ["invoiceListOpenFirstPage"] = await MeasureAsync("invoice list, open, page 1", () => queries.ListAsync("open", 1, 50, CancellationToken.None)),
            ["invoice"] = await MeasureAsync("one invoice", () => queries.GetAsync(BookSeeder.Invoice(book / 2).Number, CancellationToken.None)),
            ["overview"] = await MeasureAsync("overview", () => OverviewFigures.LoadAsync(store, endOfToday, CancellationToken.None)),
            ["overviewStages"] = await MeasureAsync("overview: open per stage", () => store.OpenInvoicesByStageAsync(CancellationToken.None)),
            ["overviewLadderTotals"] = await MeasureAsync("overview: ladder totals", () => store.LadderTotalsAsync(CancellationToken.None)),
            ["overviewBookTotals"] = await MeasureAsync("overview: book totals", () => store.BookTotalsAsync(today.AddDays(-89), today, CancellationToken.None)),
        };
        return JsonSerializer.Serialize(new { benchmark = "staff-pages", store = storeName, book, samples = Samples, pages });
    }

    /// <summary>Stages spread over five steps, a promise on one invoice in ten and a broken one in thirty: on SQLite in
    /// one statement (one <c>RecordStage</c> activity per invoice would take longer than the benchmark), on Tables
    /// through the store, 16 at a time.</summary>
    private static async Task RecordProgressAsync(ICollectionsStore store, string? sqlitePath, int book)
    {
        if (sqlitePath is null)
        {
            string[] stages = ["wait-for-due-date", "first-call", "businesslike-reminder", "watch-promise", "final-notice-term"];
            string[] steps = ["friendly", "call", "businesslike", "formal"];
            await Parallel.ForAsync(1, book + 1, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (row, token) =>
                await store.SetInvoiceProgressAsync(
                    BookSeeder.Invoice(row - 1).Number,
                    new InvoiceProgress(stages[row % 5], new LadderCounts(steps[row % 4], row % 10 == 0 ? 1 : 0, row % 30 == 0 ? 1 : 0)),
                    token));
            return;
        }

        await using var connection = new SqliteConnection($"Data Source={sqlitePath}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE invoices SET
                stage = CASE rowid % 5 WHEN 0 THEN 'wait-for-due-date' WHEN 1 THEN 'first-call' WHEN 2 THEN 'businesslike-reminder'
                    WHEN 3 THEN 'watch-promise' ELSE 'final-notice-term' END,
                last_step = CASE rowid % 4 WHEN 0 THEN 'friendly' WHEN 1 THEN 'call' WHEN 2 THEN 'businesslike' ELSE 'formal' END,
                promises_made = rowid % 10 = 0,
                promises_broken = rowid % 30 = 0;
            PRAGMA wal_checkpoint(TRUNCATE);
            """;
        await update.ExecuteNonQueryAsync();
    }

    private static async Task<object> MeasureAsync(string page, Func<Task> load)
    {
        await load();
        var timings = new double[Samples];
        for (var i = 0; i < Samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await load();
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(timings);
        var p50 = timings[(Samples / 2) - 1];
        var p95 = timings[(int)Math.Ceiling(0.95 * Samples) - 1];
        Console.WriteLine($"{page}: p50 {p50:F1} ms, p95 {p95:F1} ms");
        return new { p50Ms = Math.Round(p50, 1), p95Ms = Math.Round(p95, 1) };
    }
}
