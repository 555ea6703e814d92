using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>
/// The open balance is derived from recorded facts: the invoice amount minus every payment and
/// credit note recorded for it. Recomputing (instead of adding a delta) makes a retried request
/// converge on the right balance even when an earlier attempt stopped half-way.
/// </summary>
public static class InvoiceBalance
{
    /// <summary>Credit notes are stored beside payments, with this source and a prefixed id.</summary>
    public const string CreditNoteSource = "credit-note";

    private const int MaxAttempts = 5;

    public static decimal Compute(Collections.Invoices.Invoice invoice, IEnumerable<PaymentRecord> payments) =>
        invoice.Amount - payments.Where(payment => payment.CountsFor(invoice)).Sum(payment => payment.Amount);

    /// <summary>Stores the recomputed balance. The status stays the workflow's to change: it closes the
    /// invoice (paid, cancelled, …) when it has processed the payment.</summary>
    public static async Task<InvoiceRecord> RefreshAsync(ICollectionsStore store, string invoiceNumber, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await store.GetInvoiceAsync(invoiceNumber, cancellationToken)
                ?? throw new InvalidOperationException($"Invoice {invoiceNumber} is not stored.");
            var payments = await store.ListPaymentsAsync(invoiceNumber, cancellationToken);
            var balance = Compute(record.Invoice, payments);
            if (balance == record.OpenBalance)
            {
                return record;
            }

            try
            {
                return await store.UpdateInvoiceAsync(record with { OpenBalance = balance }, cancellationToken);
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                // Someone else updated the invoice meanwhile: re-read and recompute.
            }
        }
    }
}
