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

        var figures = AgeingFigures.From(invoices, Today);

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

        var figures = AgeingFigures.From(invoices, Today);

        // Open 600 + 150 over 900 invoiced in the last 90 days (the old invoice issued before them is not), × 90.
        Assert.Equal(75.0m, figures.DaysSalesOutstanding);
        Assert.Equal([("paid", 1), ("handed-over", 0), ("closed-by-staff", 0), ("cancelled", 0)], figures.Ended);
    }

    [Fact]
    public void DaysSalesOutstanding_NothingInvoicedInThePeriod_IsUnknown()
    {
        var figures = AgeingFigures.From([Figures(Today.AddDays(-200), 150m, issued: Today.AddDays(-230))], Today);

        Assert.Null(figures.DaysSalesOutstanding);
    }

    private static InvoiceFigures Figures(DateOnly due, decimal amount, DateOnly? issued = null, string status = "open", decimal? open = null) =>
        new(status, issued ?? due.AddDays(-14), due, amount, open ?? amount);
}
