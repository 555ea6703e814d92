using System.Globalization;
using Collections.Activities;
using Collections.Infrastructure.Storage;
using Collections.Invoices;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.Data.Sqlite;

namespace Collections.Benchmarks;

/// <summary>A large book written straight into a SQLite store, fast (or through an Azure Tables store's own calls): invoice <c>i</c> (one debtor each, open, overdue)
/// and earlier contact-log entries per invoice, so benchmarks measure reading and adding to it, not building it.</summary>
internal static class BookSeeder
{
    private const int SeedChunk = 1_000;

    /// <summary>Invoices through the store's bulk add; the contact log straight into its table (a million rows one at a
    /// time would take longer than the benchmark).</summary>
    public static async Task SeedAsync(SqliteCollectionsStore store, string path, int invoices, int contactsPerInvoice, DateTimeOffset morning)
    {
        for (var first = 0; first < invoices; first += SeedChunk)
        {
            await store.AddInvoicesAsync(
                [.. Enumerable.Range(first, Math.Min(SeedChunk, invoices - first)).Select(i => new InvoiceRecord(Invoice(i), $"hash-{i}", morning.AddDays(-40), "open", 242m))],
                CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO contact_log (id, invoice_number, debtor_id, at_ticks, record_json) VALUES ($id, $invoice, $debtor, $at, $json);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var number = insert.Parameters.Add("$invoice", SqliteType.Text);
        var debtor = insert.Parameters.Add("$debtor", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var json = insert.Parameters.Add("$json", SqliteType.Text);
        insert.Prepare();
        for (var i = 0; i < invoices; i++)
        {
            var invoice = Invoice(i);
            for (var entry = 0; entry < contactsPerInvoice; entry++)
            {
                var record = EarlierEntry(invoice, entry, morning);
                id.Value = record.Id;
                number.Value = record.InvoiceNumber;
                debtor.Value = record.DebtorId;
                at.Value = record.At.UtcTicks;
                json.Value = StoreJson.Serialize(record);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();

        // The seed's pages go into the file now, not in a checkpoint during the measured morning.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>The same book in an Azure Tables store: invoices through its bulk add, the contact log through its
    /// append, 16 invoices at a time (Tables has no faster way in).</summary>
    public static async Task SeedTablesAsync(TableCollectionsStore store, int invoices, int contactsPerInvoice, DateTimeOffset morning)
    {
        for (var first = 0; first < invoices; first += SeedChunk)
        {
            await store.AddInvoicesAsync(
                [.. Enumerable.Range(first, Math.Min(SeedChunk, invoices - first)).Select(i => new InvoiceRecord(Invoice(i), $"hash-{i}", morning.AddDays(-40), "open", 242m))],
                CancellationToken.None);
        }

        await Parallel.ForAsync(0, invoices, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var invoice = Invoice(i);
            for (var entry = 0; entry < contactsPerInvoice; entry++)
            {
                await store.AppendContactAsync(EarlierEntry(invoice, entry, morning), token);
            }
        });
    }

    private static ContactLogEntry EarlierEntry(Invoice invoice, int entry, DateTimeOffset morning) =>
        new($"{InvoiceWorkflow.InstanceIdFor(invoice.Number)}:earlier-{entry}", invoice.Number, invoice.Debtor.Id, morning.AddDays(-30 + entry), ContactKinds.Note,
            $"Earlier step {entry} of invoice {invoice.Number}");

    public static Invoice Invoice(int i) =>
        new($"R-{i.ToString("D6", CultureInfo.InvariantCulture)}", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 242m, "EUR",
            new Debtor($"RD-{i.ToString("D6", CultureInfo.InvariantCulture)}", $"Debtor {i}", DebtorKind.Business, $"d{i}@example.nl", "+31612345678", Channel.Email, "nl"));
}
