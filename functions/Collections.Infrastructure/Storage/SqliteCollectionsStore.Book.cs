using Collections.Storage;

namespace Collections.Infrastructure.Storage;

public sealed partial class SqliteCollectionsStore
{
    /// <remarks>Served by <c>ix_invoices_figures</c> alone (a covering index scan, no table rows read).</remarks>
    public async Task<IReadOnlyList<InvoiceFigures>> ListInvoiceFiguresAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            FiguresQuery,
            reader => new InvoiceFigures(
                reader.GetString(0), DateOnly.FromDayNumber(reader.GetInt32(1)), DateOnly.FromDayNumber(reader.GetInt32(2)),
                reader.GetInt64(3) / 100m, reader.GetInt64(4) / 100m),
            cancellationToken);
    }

    /// <summary>The figures' query (also what the plan test explains).</summary>
    internal const string FiguresQuery = "SELECT status, issue_day, due_day, amount_cents, open_cents FROM invoices INDEXED BY ix_invoices_figures;";
}
