using System.Security.Cryptography;
using System.Text.Json;
using Collections.Activities;
using Collections.Durable;
using Collections.Infrastructure.Storage;
using Collections.Json;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Server.Workflows;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Benchmarks;

/// <summary>
/// Bytes per invoice after a full ladder: the invoice of the <c>late-payer-full-ladder</c> example (reminders, call
/// task, approval, final notice), once per debtor, on the real workflow, embedded runtime and SQLite store in virtual
/// time, as <c>simulate</c> runs it. Counts the pages in use of both files (runtime and store), not free pages.
/// </summary>
internal static class FootprintBenchmark
{
    public static async Task<string> RunAsync(int invoices)
    {
        var example = Scenario.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "late-payer-full-ladder.json")));
        var template = example.AllInvoices[0];
        var approvalAt = example.Events.Single(e => e.Type == "approval").At;
        using var scratch = new BenchmarkDatabase();
        var directory = Path.GetDirectoryName(scratch.Path)!;
        var storePath = Path.Combine(directory, "collections.db");
        var runtimePath = Path.Combine(directory, "durable.db");
        var clock = new FakeTimeProvider(example.Start);
        using var store = new SqliteCollectionsStore(storePath);
        await using (var runtime = CollectionsRuntime.Create(runtimePath, clock, store, new RecordingMessageSender(clock), InvoiceActivityOptions.Example))
        {
            var driver = await VirtualTimeDriver.AttachAsync(runtime);
            var workflows = new InvoiceWorkflowClient(runtime.Client);
            var policy = new CollectionsPolicy();
            for (var i = 0; i < invoices; i++)
            {
                var invoice = template with { Number = $"F2026-{i:D6}", Debtor = template.Debtor with { Id = $"C-{i}" } };
                var body = JsonSerializer.SerializeToUtf8Bytes(invoice, CollectionsJson.Options);
                await store.AddInvoiceAsync(new InvoiceRecord(invoice, Convert.ToHexStringLower(SHA256.HashData(body)), example.Start, "open", invoice.Amount), CancellationToken.None);
                await workflows.StartAsync(invoice, policy);
            }

            await driver.AdvanceToAsync(approvalAt);
            foreach (var approval in await store.ListPendingApprovalsAsync(CancellationToken.None))
            {
                await store.UpdateApprovalAsync(approval with { Decision = "approve", DecidedAt = approvalAt, DecidedBy = "benchmark" }, CancellationToken.None);
                await workflows.RaiseAsync(approval.InvoiceNumber, new ApprovalDecided(approval.Id, ApprovalDecision.Approve, "benchmark"));
            }

            await driver.AdvanceToAsync(example.Until);
        }

        var durable = Measure(runtimePath, "history");
        var finished = Measure(runtimePath, "instances WHERE status IN (3, 4, 5)").Rows;
        Console.WriteLine($"runtime payload: {RuntimePayload(runtimePath)}");
        var collections = Measure(storePath, "contact_log");
        Console.WriteLine($"{invoices} invoices: runtime {durable.Bytes:N0} bytes in use, store {collections.Bytes:N0}");
        return JsonSerializer.Serialize(new
        {
            benchmark = "footprint",
            invoices,
            workflowsFinished = finished,
            runtimeBytesPerInvoice = durable.Bytes / invoices,
            storeBytesPerInvoice = collections.Bytes / invoices,
            totalBytesPerInvoice = (durable.Bytes + collections.Bytes) / invoices,
            historyRowsPerInvoice = Math.Round((double)durable.Rows / invoices, 1),
            contactLogRowsPerInvoice = Math.Round((double)collections.Rows / invoices, 1),
        });
    }

    /// <summary>Payload bytes of the runtime's two big tables: history blobs and instance rows (input, output, status).</summary>
    private static string RuntimePayload(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT total(length(events)) FROM history),
                (SELECT total(length(input) + ifnull(length(output), 0) + ifnull(length(custom_status), 0)) FROM instances)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return $"history blobs {reader.GetDouble(0):N0} bytes, instance rows {reader.GetDouble(1):N0} bytes";
    }

    /// <summary>Bytes of the pages in use (as a reader sees the file, WAL included) and the rows of one table (or filtered table).</summary>
    private static (long Bytes, long Rows) Measure(string path, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count()),
                (SELECT page_size FROM pragma_page_size()), (SELECT count(*) FROM {table})
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) * reader.GetInt64(1), reader.GetInt64(2));
    }
}
