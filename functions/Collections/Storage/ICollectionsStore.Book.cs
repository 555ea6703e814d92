namespace Collections.Storage;

public partial interface ICollectionsStore
{
    /// <summary>The whole book in a few totals, for the overview's ageing, DSO and ended counts: open invoices per due
    /// date, the amount invoiced with an issue date in [<paramref name="invoicedFrom"/>, <paramref name="invoicedTo"/>],
    /// and the number of invoices per status. Grouped by the store (SQLite: covering indexes, no records read; Tables:
    /// one scan of the entities' figure properties).</summary>
    Task<BookTotals> BookTotalsAsync(DateOnly invoicedFrom, DateOnly invoicedTo, CancellationToken cancellationToken);
}

/// <param name="OpenByDueDate">Open invoices per due date, in no particular order.</param>
/// <param name="Invoiced">The amount of the invoices issued in the period asked for.</param>
/// <param name="InvoicesByStatus">How many invoices have each status.</param>
public sealed record BookTotals(IReadOnlyList<DueDateTotal> OpenByDueDate, decimal Invoiced, IReadOnlyDictionary<string, int> InvoicesByStatus);

public sealed record DueDateTotal(DateOnly DueDate, int Invoices, decimal OpenBalance);
