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

    /// <param name="invoices">Every invoice of the book (<see cref="ICollectionsStore.ListInvoiceFiguresAsync"/>).</param>
    public static AgeingFigures From(IReadOnlyList<InvoiceFigures> invoices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var open = invoices.Where(invoice => invoice.Status == InvoiceStatus.Open).ToList();
        var buckets = BucketNames.Select(bucket =>
        {
            var inBucket = open.Where(invoice => BucketOf(today.DayNumber - invoice.DueDate.DayNumber) == bucket).ToList();
            return (bucket, inBucket.Count, inBucket.Sum(invoice => invoice.OpenBalance));
        });
        var invoiced = invoices
            .Where(invoice => invoice.IssueDate.DayNumber > today.DayNumber - DsoDays && invoice.IssueDate <= today)
            .Sum(invoice => invoice.Amount);
        decimal? dso = invoiced > 0 ? Math.Round(open.Sum(invoice => invoice.OpenBalance) / invoiced * DsoDays, 1) : null;
        var ended = EndStatuses.Select(status => (status, invoices.Count(invoice => invoice.Status == status)));
        return new AgeingFigures([.. buckets], dso, [.. ended]);
    }

    private static string BucketOf(int daysOverdue) => daysOverdue switch
    {
        <= 0 => "not-due",
        <= 30 => "1-30",
        <= 60 => "31-60",
        <= 90 => "61-90",
        _ => "90-plus",
    };
}
