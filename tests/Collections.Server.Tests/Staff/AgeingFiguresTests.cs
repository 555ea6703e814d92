using Collections.Invoices;
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
        var invoices = daysOverdue.Select((days, index) => Record($"F-{index}", Today.AddDays(-days), 10m * (index + 1))).ToList();
        invoices.Add(Record("F-paid", Today.AddDays(-45), 999m, status: "paid"));

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
            Record("F-1", Today.AddDays(14), 600m, issued: Today.AddDays(-10)),
            Record("F-2", Today, 300m, issued: Today.AddDays(-89), status: "paid", open: 0m),
            Record("F-old", Today.AddDays(-100), 150m, issued: Today.AddDays(-120)),
        };

        var figures = AgeingFigures.From(invoices, Today);

        // Open 600 + 150 over 900 invoiced in the last 90 days (the old invoice issued before them is not), × 90.
        Assert.Equal(75.0m, figures.DaysSalesOutstanding);
        Assert.Equal([("paid", 1), ("handed-over", 0), ("closed-by-staff", 0), ("cancelled", 0)], figures.Ended);
    }

    [Fact]
    public void DaysSalesOutstanding_NothingInvoicedInThePeriod_IsUnknown()
    {
        var figures = AgeingFigures.From([Record("F-old", Today.AddDays(-200), 150m, issued: Today.AddDays(-230))], Today);

        Assert.Null(figures.DaysSalesOutstanding);
    }

    private static InvoiceRecord Record(string number, DateOnly due, decimal amount, DateOnly? issued = null, string status = "open", decimal? open = null)
    {
        var debtor = new Debtor("D-1", "Jansen", DebtorKind.Business, "d@example.nl", null, Channel.Email, "nl");
        var invoice = new Invoice(number, issued ?? due.AddDays(-14), due, amount, "EUR", debtor);
        return new InvoiceRecord(invoice, number, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), status, open ?? amount);
    }
}
