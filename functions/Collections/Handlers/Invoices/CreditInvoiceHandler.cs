using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>Applies a credit note: it lowers the open balance like a payment does (it is stored beside
/// the payments under its own source) and tells the workflow, which may stop chasing.</summary>
public sealed class CreditInvoiceHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    public async Task<HandlerOutcome<InvoiceSummary>> HandleAsync(string invoiceNumber, CreditNote credit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("creditNoteNumber", credit.CreditNoteNumber)
            .Required("amount", credit.Amount);
        if (credit.Amount is <= 0)
        {
            errors.Add("amount", "Must be greater than zero.");
        }

        if (errors.Any)
        {
            return Outcome.Invalid<InvoiceSummary>(errors);
        }

        var invoice = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
        if (invoice is null)
        {
            return Outcome.NotFound<InvoiceSummary>($"Invoice {invoiceNumber} is not known.");
        }

        if (credit.Amount > invoice.Invoice.Amount)
        {
            return Outcome.Invalid<InvoiceSummary>("amount", $"Exceeds the invoice amount of {invoice.Invoice.Amount}.");
        }

        var now = time.GetUtcNow();
        var record = new PaymentRecord(
            $"credit:{credit.CreditNoteNumber}", invoiceNumber, credit.Amount!.Value, invoice.Invoice.Currency, now,
            InvoiceBalance.CreditNoteSource, now);
        var added = await store.AddPaymentAsync(record, cancellationToken);
        if (!added)
        {
            var stored = (await store.ListPaymentsAsync(invoiceNumber, cancellationToken))
                .FirstOrDefault(existing => existing.PaymentId == record.PaymentId);
            if (stored is null || stored.Amount != record.Amount)
            {
                return Outcome.Conflict<InvoiceSummary>($"Credit note {credit.CreditNoteNumber} is already applied with another amount.");
            }
        }

        // Told again on a retry too (the port drops a repeated credit note); the workflow writes the credit
        // to the contact log when it applies it.
        var refreshed = await InvoiceBalance.RefreshAsync(store, invoiceNumber, cancellationToken);
        await workflows.CreditedAsync(invoiceNumber, credit, refreshed.OpenBalance, cancellationToken);

        return Outcome.Ok(InvoiceSummary.From(refreshed));
    }
}
