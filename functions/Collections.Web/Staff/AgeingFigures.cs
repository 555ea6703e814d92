using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Web.Staff;

/// <summary>
/// The book as a credit controller steers by it: open invoices by how long they are overdue, days sales outstanding,
/// and how many ended in each way. DSO by the simple method: open receivables ÷ amount invoiced in the last
/// <see cref="DsoDays"/> days × <see cref="DsoDays"/>; unknown (null) when nothing was invoiced in that period.
/// </summary>
public sealed record AgeingFigures(
    IReadOnlyList<(string Bucket, int Invoices, decimal Amount)> Buckets,
    decimal? DaysSalesOutstanding,
    IReadOnlyList<(string Status, int Invoices)> Ended)
{
    public const int DsoDays = 90;

    /// <summary>Bucket keys in order: not yet due, then overdue days (inclusive upper bounds).</summary>
    public static readonly IReadOnlyList<string> BucketNames = ["not-due", "1-30", "31-60", "61-90", "90-plus"];

    private static readonly IReadOnlyList<string> EndStatuses =
        [InvoiceStatus.Paid, InvoiceStatus.HandedOver, InvoiceStatus.ClosedByStaff, InvoiceStatus.Cancelled];

    /// <param name="book">The whole book's totals (<see cref="ICollectionsStore.BookTotalsAsync"/>), invoiced counted over
    /// <see cref="InvoicedFrom"/> to <paramref name="today"/>.</param>
    public static AgeingFigures From(BookTotals book, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(book);
        var buckets = BucketNames.Select(bucket =>
        {
            var inBucket = book.OpenByDueDate.Where(total => BucketOf(today.DayNumber - total.DueDate.DayNumber) == bucket).ToList();
            return (bucket, inBucket.Sum(total => total.Invoices), inBucket.Sum(total => total.OpenBalance));
        });
        var open = book.OpenByDueDate.Sum(total => total.OpenBalance);
        decimal? dso = book.Invoiced > 0 ? Math.Round(open / book.Invoiced * DsoDays, 1) : null;
        var ended = EndStatuses.Select(status => (status, book.InvoicesByStatus.GetValueOrDefault(status)));
        return new AgeingFigures([.. buckets], dso, [.. ended]);
    }

    /// <summary>The first issue date DSO counts as invoiced in its period ending <paramref name="today"/>.</summary>
    public static DateOnly InvoicedFrom(DateOnly today) => today.AddDays(1 - DsoDays);

    private static string BucketOf(int daysOverdue) => daysOverdue switch
    {
        <= 0 => "not-due",
        <= 30 => "1-30",
        <= 60 => "31-60",
        <= 90 => "61-90",
        _ => "90-plus",
    };
}
