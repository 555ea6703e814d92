using System.Globalization;
using Collections.Storage;
using Collections.Web.Pages;
using CsvHelper;

namespace Collections.Web.Staff;

/// <summary><c>GET /staff/overview/open-items.csv</c>: every open invoice (number, customer, dates, days overdue,
/// amounts, paused, disputed), oldest due date first, read page by page through the store's search.</summary>
internal static class OpenItemsExportEndpoints
{
    private static readonly string[] Header =
        ["number", "debtorId", "debtorName", "reference", "issueDate", "dueDate", "daysOverdue", "amount", "openBalance", "currency", "paused", "disputed"];

    public static RouteGroupBuilder MapOpenItemsExport(this RouteGroupBuilder staff)
    {
        staff.MapGet("/overview/open-items.csv", async (HttpContext http, ICollectionsStore store, TimeProvider time) =>
        {
            var today = PageClock.Today(time);
            using var stream = new MemoryStream();
            using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, leaveOpen: true))
            {
                csv.WriteHeader(Header);
                string? after = null;
                do
                {
                    var page = await store.SearchInvoicesAsync(
                        new InvoiceSearch(today, Status: "open", Sort: InvoiceSort.DueDate, PageSize: 500, After: after), http.RequestAborted);
                    foreach (var record in page.Items)
                    {
                        csv.WriteRecord(Row(record, today));
                    }

                    after = page.Next;
                }
                while (after is not null);
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.File(stream.ToArray(), "text/csv; charset=utf-8", $"open-items-{today:yyyy-MM-dd}.csv");
        });
        return staff;
    }

    private static string?[] Row(InvoiceRecord record, DateOnly today)
    {
        var invoice = record.Invoice;
        string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        return
        [
            invoice.Number, invoice.Debtor.Id, invoice.Debtor.Name, invoice.CustomerReference,
            invoice.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Math.Max(0, today.DayNumber - invoice.DueDate.DayNumber).ToString(CultureInfo.InvariantCulture),
            Amount(invoice.Amount), Amount(record.OpenBalance), invoice.Currency,
            record.Paused is null ? "no" : "yes", record.Disputed ? "yes" : "no",
        ];
    }
}
