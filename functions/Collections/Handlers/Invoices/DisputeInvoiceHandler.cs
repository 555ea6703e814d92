using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>Records that a dispute was opened or resolved and tells the workflow (which pauses or resumes chasing).</summary>
public sealed class DisputeInvoiceHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    public async Task<HandlerOutcome<InvoiceSummary>> HandleAsync(string invoiceNumber, DisputeChange change, CancellationToken cancellationToken)
    {
        if (change.Action is not (DisputeChange.Open or DisputeChange.Resolve))
        {
            return Outcome.Invalid<InvoiceSummary>("action", $"Must be '{DisputeChange.Open}' or '{DisputeChange.Resolve}'.");
        }

        if (change.Action == DisputeChange.Open && string.IsNullOrWhiteSpace(change.Reason))
        {
            return Outcome.Invalid<InvoiceSummary>("reason", "Required when opening a dispute.");
        }

        var invoice = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
        if (invoice is null)
        {
            return Outcome.NotFound<InvoiceSummary>($"Invoice {invoiceNumber} is not known.");
        }

        var now = time.GetUtcNow();
        await store.AppendContactAsync(
            new ContactLogEntry(
                $"dispute:{invoiceNumber}:{change.Action}:{now.UtcTicks}", invoiceNumber, invoice.Invoice.Debtor.Id, now,
                change.Action == DisputeChange.Open ? "dispute-opened" : "dispute-resolved",
                change.Action == DisputeChange.Open ? $"Dispute opened: {change.Reason}" : "Dispute resolved" + (change.Reason is null ? "." : $": {change.Reason}")),
            cancellationToken);
        invoice = await MarkAsync(invoice, change.Action == DisputeChange.Open, cancellationToken);
        await workflows.DisputeChangedAsync(invoiceNumber, change, cancellationToken);
        return Outcome.Ok(InvoiceSummary.From(invoice));
    }

    /// <summary>Keeps the invoice's Disputed flag (what the invoice list filters on) in step with the log.</summary>
    private async Task<InvoiceRecord> MarkAsync(InvoiceRecord invoice, bool disputed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (invoice.Disputed == disputed)
            {
                return invoice;
            }

            try
            {
                return await store.UpdateInvoiceAsync(invoice with { Disputed = disputed }, cancellationToken);
            }
            catch (StoreConflictException) when (attempt < 5)
            {
                invoice = await store.GetInvoiceAsync(invoice.Invoice.Number, cancellationToken) ?? invoice;
            }
        }
    }
}
