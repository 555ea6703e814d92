using Collections.Intake;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>
/// Intake of an invoice posted by an accounting system. Nothing is stored unless the whole request
/// is valid. Idempotent on the invoice number: the same invoice again (same canonical hash, whatever
/// the JSON's formatting) returns the stored one; another invoice under a stored number is a
/// conflict. The workflow start is idempotent too and is repeated on a same-body retry, so a crash
/// between storing and starting heals with the client's retry.
/// </summary>
public sealed class SubmitInvoiceHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    public async Task<HandlerOutcome<InvoiceSummary>> HandleAsync(string json, CancellationToken cancellationToken)
    {
        var intake = InvoiceRequestValidator.Validate(json);
        if (!intake.IsValid)
        {
            return new HandlerOutcome<InvoiceSummary>(OutcomeKind.Invalid, Errors: intake.Errors);
        }

        var invoice = await WhatsAppConsentCarryOver.ApplyAsync(store, intake.Invoice, cancellationToken);
        var candidate = new InvoiceRecord(invoice, intake.Hash, time.GetUtcNow(), InvoiceStatus.Open, invoice.Amount);
        var added = await store.AddInvoiceAsync(candidate, cancellationToken);
        if (!added.Added && added.Record.BodyHash != intake.Hash)
        {
            return OtherContents(invoice.Number);
        }

        // Payments may have arrived before the invoice (webhooks race the accounting system): count them.
        var stored = await InvoiceBalance.RefreshAsync(store, invoice.Number, cancellationToken);
        await workflows.StartAsync(stored, cancellationToken);
        var summary = InvoiceSummary.From(stored);
        return added.Added ? Outcome.Created(summary) : Outcome.Ok(summary);
    }

    /// <summary>Another invoice is already stored under <paramref name="number"/>.</summary>
    internal static HandlerOutcome<InvoiceSummary> OtherContents(string number) =>
        Outcome.Conflict<InvoiceSummary>($"Invoice {number} was already received with other contents; send a credit note or cancel it instead.");
}
