namespace Collections.Storage;

/// <summary>What staff look for in the invoice list. Every filter is optional; all given ones must hold.</summary>
/// <param name="Text">Words that must each begin a word of the invoice number, the debtor's name or id, or the customer
/// reference (case-insensitive): "jans 2026" finds invoice F-2026-001 of Jansen Bakery.</param>
/// <param name="Status">open, paid, cancelled, handed-over, closed-by-staff; null for all.</param>
/// <param name="Stage">The stage the invoice's workflow recorded last (<see cref="ICollectionsStore.SetInvoiceProgressAsync"/>),
/// e.g. <c>final-notice-term</c>; null for any.</param>
/// <param name="MinDaysOverdue">Only invoices at least this many days past their due date on <paramref name="Today"/>.</param>
/// <param name="Today">The day overdue days count to (time as data: the caller's clock, Dutch date).</param>
/// <param name="After">The continuation token of the previous page; null for the first.</param>
public sealed record InvoiceSearch(
    DateOnly Today,
    string? Text = null,
    string? Status = null,
    int? MinDaysOverdue = null,
    bool? Paused = null,
    bool? Disputed = null,
    InvoiceSort Sort = InvoiceSort.DueDate,
    bool Descending = false,
    int PageSize = 25,
    string? After = null,
    string? Stage = null);

public enum InvoiceSort
{
    DueDate,
    OpenBalance,
    Number,
}

/// <param name="Next">Pass as <see cref="InvoiceSearch.After"/> for the next page; null on the last page.</param>
public sealed record InvoiceSearchPage(IReadOnlyList<InvoiceRecord> Items, string? Next);
