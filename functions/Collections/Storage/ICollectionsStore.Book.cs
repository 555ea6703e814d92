namespace Collections.Storage;

public partial interface ICollectionsStore
{
    /// <summary>Every invoice's figures (status, dates, amounts), without the records: what the overview's ageing, DSO and
    /// ended counts are computed from, over the whole book. Read from narrow columns (SQLite: one covering index; Tables:
    /// the invoice entities' figure properties), in no particular order.</summary>
    Task<IReadOnlyList<InvoiceFigures>> ListInvoiceFiguresAsync(CancellationToken cancellationToken);
}

public sealed record InvoiceFigures(string Status, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal OpenBalance);
