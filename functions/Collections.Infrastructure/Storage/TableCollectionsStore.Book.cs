using Azure.Data.Tables;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

public sealed partial class TableCollectionsStore
{
    private static readonly string[] FigureColumns = ["PartitionKey", "Status", "IssueDay", "DueDay", "AmountCents", "OpenCents"];

    /// <remarks>One query over the invoices table reading only the figure properties: a scan of the book, as Tables
    /// cannot group. Entities written before IssueDay and AmountCents existed are read whole.</remarks>
    public async Task<IReadOnlyList<InvoiceFigures>> ListInvoiceFiguresAsync(CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var figures = new List<InvoiceFigures>();
        await foreach (var entity in _invoices.QueryAsync<TableEntity>(select: FigureColumns, cancellationToken: cancellationToken))
        {
            if (entity.GetInt64("IssueDay") is { } issueDay && entity.GetInt64("DueDay") is { } dueDay)
            {
                figures.Add(new InvoiceFigures(
                    entity.GetString("Status"), DateOnly.FromDayNumber((int)issueDay), DateOnly.FromDayNumber((int)dueDay),
                    (entity.GetInt64("AmountCents") ?? 0) / 100m, (entity.GetInt64("OpenCents") ?? 0) / 100m));
            }
            else if (await GetInvoiceAsync(TableKeys.Unescape(entity.PartitionKey), cancellationToken) is { } record)
            {
                figures.Add(InvoiceFiguresOf(record));
            }
        }

        return figures;
    }

    private static InvoiceFigures InvoiceFiguresOf(InvoiceRecord record) =>
        new(record.Status, record.Invoice.IssueDate, record.Invoice.DueDate, record.Invoice.Amount, record.OpenBalance);
}
