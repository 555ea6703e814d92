using Collections.Storage;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

public sealed class AgeingFiguresTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    [Fact]
    public void Buckets_CountOpenInvoicesByDaysPastTheDueDate_AtTheBoundaries()
    {
        int[] daysOverdue = [-3, 0, 1, 30, 31, 60, 61, 90, 91, 400];
        var invoices = daysOverdue.Select((days, index) => Figures(Today.AddDays(-days), 10m * (index + 1))).ToList();
        invoices.Add(Figures(Today.AddDays(-45), 999m, status: "paid"));

        var figures = AgeingFigures.From(Book(invoices), Today);

        Assert.Equal(
            [("not-due", 2, 30m), ("1-30", 2, 70m), ("31-60", 2, 110m), ("61-90", 2, 150m), ("90-plus", 2, 190m)],
            figures.Buckets);
    }

    [Fact]
    public void DaysSalesOutstanding_OpenReceivablesOverTheLast90DaysInvoiced()
    {
        var invoices = new[]
        {
            Figures(Today.AddDays(14), 600m, issued: Today.AddDays(-10)),
            Figures(Today, 300m, issued: Today.AddDays(-89), status: "paid", open: 0m),
            Figures(Today.AddDays(-100), 150m, issued: Today.AddDays(-120)),
        };

        var figures = AgeingFigures.From(Book(invoices), Today);

        // Open 600 + 150 over 900 invoiced in the last 90 days (the old invoice issued before them is not), × 90.
        Assert.Equal(75.0m, figures.DaysSalesOutstanding);
        Assert.Equal([("paid", 1), ("handed-over", 0), ("closed-by-staff", 0), ("cancelled", 0)], figures.Ended);
    }

    [Fact]
    public void DaysSalesOutstanding_NothingInvoicedInThePeriod_IsUnknown()
    {
        var figures = AgeingFigures.From(Book([Figures(Today.AddDays(-200), 150m, issued: Today.AddDays(-230))]), Today);

        Assert.Null(figures.DaysSalesOutstanding);
    }

    private static Invoiced Figures(DateOnly due, decimal amount, DateOnly? issued = null, string status = "open", decimal? open = null) =>
        new(status, issued ?? due.AddDays(-14), due, amount, open ?? amount);

    /// <summary>The book's totals as a store gives them for these invoices (the stores' own totals are checked in the store contract).</summary>
    private static BookTotals Book(IReadOnlyList<Invoiced> invoices) => new(
        [.. invoices.Where(invoice => invoice.Status == "open").GroupBy(invoice => invoice.Due)
            .Select(group => new DueDateTotal(group.Key, group.Count(), group.Sum(invoice => invoice.Open)))],
        invoices.Where(invoice => invoice.Issued >= AgeingFigures.InvoicedFrom(Today) && invoice.Issued <= Today).Sum(invoice => invoice.Amount),
        invoices.GroupBy(invoice => invoice.Status).ToDictionary(group => group.Key, group => group.Count()));

    private sealed record Invoiced(string Status, DateOnly Issued, DateOnly Due, decimal Amount, decimal Open);
}
