using Collections.Activities;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>Staff pause chasing an open invoice (no messages, calls or escalation; payments still count)
/// and resume it later, when the step that was waiting continues with the time it had left. The pause is
/// recorded on the invoice first, so pages and the API show it at once; then the workflow hears of it.
/// Pausing a paused invoice, or resuming a running one, changes nothing but tells the workflow again,
/// so a request retried after a failure in between still reaches it.</summary>
public sealed class PauseInvoiceHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    private const int MaxAttempts = 5;
    private const int MaxReasonLength = 500;

    public Task<HandlerOutcome<InvoiceSummary>> PauseAsync(string invoiceNumber, PauseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Reason?.Length > MaxReasonLength)
        {
            return Task.FromResult(Outcome.Invalid<InvoiceSummary>("reason", $"At most {MaxReasonLength} characters."));
        }

        return ChangeAsync(
            invoiceNumber,
            pause: true,
            record => record with { Paused = new InvoicePause(time.GetUtcNow(), request.By, request.Reason) },
            record => new ContactLogEntry(
                $"pause:{invoiceNumber}:{record.Paused!.Since.UtcTicks}", invoiceNumber, record.Invoice.Debtor.Id, record.Paused.Since, ContactKinds.ChasingPaused,
                "Chasing paused" + By(request.By) + (request.Reason is null ? "." : $": {request.Reason}")),
            () => workflows.PausedAsync(invoiceNumber, request.Reason, cancellationToken),
            cancellationToken);
    }

    public Task<HandlerOutcome<InvoiceSummary>> ResumeAsync(string invoiceNumber, ResumeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        return ChangeAsync(
            invoiceNumber,
            pause: false,
            record => record with { Paused = null },
            record => new ContactLogEntry(
                $"resume:{invoiceNumber}:{now.UtcTicks}", invoiceNumber, record.Invoice.Debtor.Id, now, ContactKinds.ChasingResumed, "Chasing resumed" + By(request.By) + "."),
            () => workflows.ResumedAsync(invoiceNumber, cancellationToken),
            cancellationToken);
    }

    private async Task<HandlerOutcome<InvoiceSummary>> ChangeAsync(
        string invoiceNumber,
        bool pause,
        Func<InvoiceRecord, InvoiceRecord> change,
        Func<InvoiceRecord, ContactLogEntry> logEntry,
        Func<Task> tellWorkflow,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var invoice = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
            if (invoice is null)
            {
                return Outcome.NotFound<InvoiceSummary>($"Invoice {invoiceNumber} is not known.");
            }

            if (invoice.Status != InvoiceStatus.Open)
            {
                return Outcome.Conflict<InvoiceSummary>($"Invoice {invoiceNumber} is {invoice.Status}; only an open invoice can be paused or resumed.");
            }

            if (invoice.Paused is not null == pause)
            {
                await tellWorkflow();
                return Outcome.Ok(InvoiceSummary.From(invoice));
            }

            InvoiceRecord changed;
            try
            {
                changed = await store.UpdateInvoiceAsync(change(invoice), cancellationToken);
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            await store.AppendContactAsync(logEntry(changed), cancellationToken);
            await tellWorkflow();
            return Outcome.Ok(InvoiceSummary.From(changed));
        }
    }

    private static string By(string? who) => who is null ? string.Empty : $" by {who}";
}

/// <param name="Reason">Why chasing stops for now, for the timeline (optional).</param>
/// <param name="By">Who paused it, for the timeline: the signed-in staff member on the pages, the caller's user through the API.</param>
public sealed record PauseRequest(string? Reason = null, string? By = null);

public sealed record ResumeRequest(string? By = null);
