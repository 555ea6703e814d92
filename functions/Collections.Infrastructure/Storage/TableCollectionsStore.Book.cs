using Azure.Data.Tables;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

public sealed partial class TableCollectionsStore
{
    private static readonly string[] FigureColumns = ["PartitionKey", "Status", "IssueDay", "DueDay", "AmountCents", "OpenCents"];

    /// <remarks>One query over the invoices table reading only the figure properties and totalled in memory: a scan of the
    /// book, as Tables cannot group. Entities written before IssueDay and AmountCents existed are read whole.</remarks>
    public async Task<BookTotals> BookTotalsAsync(DateOnly invoicedFrom, DateOnly invoicedTo, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var open = new Dictionary<DateOnly, (int Invoices, long Cents)>();
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        var invoicedCents = 0L;
        await foreach (var entity in _invoices.QueryAsync<TableEntity>(select: FigureColumns, cancellationToken: cancellationToken))
        {
            var (status, issued, due, amountCents, openCents) = entity.GetInt64("IssueDay") is { } issueDay && entity.GetInt64("DueDay") is { } dueDay
                ? (entity.GetString("Status"), DateOnly.FromDayNumber((int)issueDay), DateOnly.FromDayNumber((int)dueDay), entity.GetInt64("AmountCents") ?? 0, entity.GetInt64("OpenCents") ?? 0)
                : await FiguresOfRecordAsync(TableKeys.Unescape(entity.PartitionKey), cancellationToken);
            if (status is null)
            {
                continue;
            }

            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (issued >= invoicedFrom && issued <= invoicedTo)
            {
                invoicedCents += amountCents;
            }

            if (status == InvoiceStatus.Open)
            {
                var (invoices, cents) = open.GetValueOrDefault(due);
                open[due] = (invoices + 1, cents + openCents);
            }
        }

        return new BookTotals(
            [.. open.Select(pair => new DueDateTotal(pair.Key, pair.Value.Invoices, pair.Value.Cents / 100m))], invoicedCents / 100m, byStatus);
    }

    private async Task<(string? Status, DateOnly IssueDate, DateOnly DueDate, long AmountCents, long OpenCents)> FiguresOfRecordAsync(
        string number, CancellationToken cancellationToken) =>
        await GetInvoiceAsync(number, cancellationToken) is { } record
            ? (record.Status, record.Invoice.IssueDate, record.Invoice.DueDate, InvoiceSearchKeys.Cents(record.Invoice.Amount), InvoiceSearchKeys.OpenCents(record))
            : (null, default, default, 0, 0);
}
