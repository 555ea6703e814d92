using Collections.Invoices;
using Collections.Storage;

namespace Collections.Activities;

/// <summary>R12: how a debtor paid the invoices we chased for them, from our own records, so the next invoice
/// of a late payer gets the pre-due nudge and the earlier call even when the accounting system sends no history.</summary>
public static class RecordedPaymentHistory
{
    /// <summary>Each paid invoice counts once: late when its last payment came after the due date (dates in
    /// <paramref name="offset"/>); the average counts an invoice paid on time as 0 days late. Null when none was paid.</summary>
    public static PaymentHistory? From(IEnumerable<(Invoice Invoice, IReadOnlyList<PaymentRecord> Payments)> paidInvoices, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(paidInvoices);
        var daysLate = paidInvoices
            .Where(paid => paid.Payments.Count > 0)
            .Select(paid => Math.Max(0, DateOnly.FromDateTime(paid.Payments.Max(payment => payment.PaidAt).ToOffset(offset).DateTime).DayNumber - paid.Invoice.DueDate.DayNumber))
            .ToList();
        return daysLate.Count == 0
            ? null
            : new PaymentHistory(daysLate.Count(days => days > 0), daysLate.Count(days => days == 0), daysLate.Average());
    }

    /// <summary>The history that rests on more invoices; the accounting system's on a tie, as it sees invoices we never chased.</summary>
    public static PaymentHistory? BetterInformed(PaymentHistory? sent, PaymentHistory? recorded) =>
        recorded is not null && (sent is null || Count(recorded) > Count(sent)) ? recorded : sent;

    private static int Count(PaymentHistory history) => history.InvoicesPaidLate + history.InvoicesPaidOnTime;
}
