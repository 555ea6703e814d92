using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <remarks>The stage is a column of <c>invoices</c> outside <c>record_json</c> and <c>version</c>: the workflow's
/// write never conflicts with a staff change, and an invoice update never overwrites it. <c>ix_invoices_status_stage</c>
/// covers the overview's totals (status, stage, open_cents), <c>ix_invoices_stage</c> the search filter.</remarks>
public sealed partial class SqliteCollectionsStore
{
    public async Task<bool> SetInvoiceStageAsync(string number, string stage, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(number, nameof(number));
        StoreArguments.RequireKey(stage, nameof(stage));
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(
            connection, "UPDATE invoices SET stage = $stage WHERE number = $number;", cancellationToken, ("$number", number), ("$stage", stage)) == 1;
    }

    public async Task<IReadOnlyList<StageTotal>> OpenInvoicesByStageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT stage, COUNT(*), SUM(open_cents) FROM invoices WHERE status = $open GROUP BY stage;",
            reader => new StageTotal(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2) / 100m),
            cancellationToken,
            ("$open", InvoiceStatus.Open));
    }
}
