using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>The accounting system withdrew the invoice: mark it cancelled and stop its workflow.
/// Cancelling twice is harmless; an invoice that is paid or handed over cannot be cancelled here.</summary>
public sealed class CancelInvoiceHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    private const int MaxAttempts = 5;

    public async Task<HandlerOutcome<InvoiceSummary>> HandleAsync(string invoiceNumber, CancelRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var invoice = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
            if (invoice is null)
            {
                return Outcome.NotFound<InvoiceSummary>($"Invoice {invoiceNumber} is not known.");
            }

            if (invoice.Status == InvoiceStatus.Cancelled)
            {
                return Outcome.Ok(InvoiceSummary.From(invoice));
            }

            if (invoice.Status != InvoiceStatus.Open)
            {
                return Outcome.Conflict<InvoiceSummary>($"Invoice {invoiceNumber} is {invoice.Status} and can no longer be cancelled.");
            }

            InvoiceRecord cancelled;
            try
            {
                cancelled = await store.UpdateInvoiceAsync(invoice with { Status = InvoiceStatus.Cancelled }, cancellationToken);
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            await store.AppendContactAsync(
                new ContactLogEntry(
                    $"cancel:{invoiceNumber}", invoiceNumber, invoice.Invoice.Debtor.Id, time.GetUtcNow(), "note",
                    "Invoice cancelled by the accounting system" + (request.Reason is null ? "." : $": {request.Reason}")),
                cancellationToken);
            await workflows.CancelledAsync(invoiceNumber, request.Reason, cancellationToken);
            return Outcome.Ok(InvoiceSummary.From(cancelled));
        }
    }
}

public sealed record CancelRequest(string? Reason = null);
