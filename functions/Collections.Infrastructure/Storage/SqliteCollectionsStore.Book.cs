using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

public sealed partial class SqliteCollectionsStore
{
    /// <summary>Open invoices per due date: a walk of <c>ix_invoices_status_due_open</c> in due-date order.</summary>
    internal const string OpenByDueDateQuery = "SELECT due_day, COUNT(*), SUM(open_cents) FROM invoices WHERE status = $open GROUP BY due_day;";

    /// <summary>The amount invoiced in a period: a range of <c>ix_invoices_issue</c>.</summary>
    internal const string InvoicedQuery = "SELECT COALESCE(SUM(amount_cents), 0) FROM invoices WHERE issue_day BETWEEN $from AND $to;";

    /// <summary>Invoices per status: a walk of <c>ix_invoices_status</c>.</summary>
    internal const string ByStatusQuery = "SELECT status, COUNT(*) FROM invoices GROUP BY status;";

    public async Task<BookTotals> BookTotalsAsync(DateOnly invoicedFrom, DateOnly invoicedTo, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var open = await QueryAsync(
            connection,
            OpenByDueDateQuery,
            reader => new DueDateTotal(DateOnly.FromDayNumber(reader.GetInt32(0)), reader.GetInt32(1), reader.GetInt64(2) / 100m),
            cancellationToken,
            ("$open", InvoiceStatus.Open));
        var invoiced = await ScalarAsync(connection, InvoicedQuery, cancellationToken, ("$from", invoicedFrom.DayNumber), ("$to", invoicedTo.DayNumber));
        var byStatus = await QueryAsync(connection, ByStatusQuery, reader => (Status: reader.GetString(0), Count: reader.GetInt32(1)), cancellationToken);
        return new BookTotals(open, invoiced / 100m, byStatus.ToDictionary(row => row.Status, row => row.Count, StringComparer.Ordinal));
    }
}
