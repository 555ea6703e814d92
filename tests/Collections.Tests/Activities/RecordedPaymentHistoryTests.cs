using Collections.Activities;
using Collections.Invoices;
using Collections.Storage;

namespace Collections.Tests.Activities;

public sealed class RecordedPaymentHistoryTests
{
    private static readonly TimeSpan Amsterdam = TimeSpan.FromHours(1);

    [Fact]
    public void From_OneLateOneOnTime_CountsBothAndAveragesOverAllPaid()
    {
        var history = RecordedPaymentHistory.From(
        [
            Paid("A-1", due: new DateOnly(2026, 1, 10), new DateTimeOffset(2026, 1, 5, 10, 0, 0, Amsterdam), new DateTimeOffset(2026, 1, 20, 10, 0, 0, Amsterdam)),
            Paid("A-2", due: new DateOnly(2026, 2, 10), new DateTimeOffset(2026, 2, 10, 22, 30, 0, TimeSpan.Zero)),
        ], Amsterdam);

        // A-1's last payment was 10 days late; A-2's came at 23:30 in Amsterdam on the due date, which is on time.
        Assert.Equal(new PaymentHistory(InvoicesPaidLate: 1, InvoicesPaidOnTime: 1, AverageDaysLate: 5), history);
    }

    [Fact]
    public void From_NoPaymentsRecorded_Null()
    {
        Assert.Null(RecordedPaymentHistory.From([], Amsterdam));
        Assert.Null(RecordedPaymentHistory.From([Paid("A-1", due: new DateOnly(2026, 1, 10))], Amsterdam));
    }

    [Fact]
    public void BetterInformed_TheHistoryResting_OnMoreInvoices_TheAccountingSystemsOnATie()
    {
        var sent = new PaymentHistory(0, 2, 0);
        var recordedMore = new PaymentHistory(3, 0, 12);
        var recordedSame = new PaymentHistory(2, 0, 12);

        Assert.Equal(recordedMore, RecordedPaymentHistory.BetterInformed(sent, recordedMore));
        Assert.Equal(sent, RecordedPaymentHistory.BetterInformed(sent, recordedSame));
        Assert.Equal(recordedSame, RecordedPaymentHistory.BetterInformed(null, recordedSame));
        Assert.Equal(sent, RecordedPaymentHistory.BetterInformed(sent, null));
        Assert.Null(RecordedPaymentHistory.BetterInformed(null, null));
    }

    private static (Invoice, IReadOnlyList<PaymentRecord>) Paid(string number, DateOnly due, params DateTimeOffset[] paidAt) =>
        (new Invoice(number, due.AddDays(-14), due, 100m, "EUR", new Debtor("D-1", "Jan Jansen", DebtorKind.Consumer, null, "+31612345678", Channel.Sms, "nl")),
         [.. paidAt.Select((at, index) => new PaymentRecord($"{number}-{index}", number, 50m, "EUR", at, "accounting", at))]);
}
