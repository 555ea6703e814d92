using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Privacy;

/// <summary>
/// A debtor's request for erasure (GDPR art. 17): every closed invoice is redacted now, as the retention sweep would at
/// the end of the period, keeping the proof. Refused, changing nothing, while an invoice is open or its workflow still
/// runs: the open claim is the legal ground to keep the data (art. 17(1)(a) does not apply while it is still needed,
/// art. 17(3)(e) legal claims), and a workflow must never meet a debtor without contact details mid-ladder.
/// </summary>
public sealed class DebtorErasure(ICollectionsStore store, IInvoiceWorkflows workflows, InvoiceRedactor redactor, TimeProvider time)
{
    public const string Why = "Personal data erased on the debtor's request (GDPR art. 17); the proof is kept.";

    public async Task<HandlerOutcome<ErasureReport>> EraseAsync(string debtorId, CancellationToken cancellationToken)
    {
        var invoices = await store.ListInvoicesOfDebtorAsync(debtorId, cancellationToken);
        if (invoices.Count == 0)
        {
            return Outcome.NotFound<ErasureReport>($"No invoices are stored for debtor {debtorId}.");
        }

        var open = invoices.Where(invoice => invoice.Status == InvoiceStatus.Open).Select(invoice => invoice.Invoice.Number).ToList();
        if (open.Count > 0)
        {
            return Outcome.Conflict<ErasureReport>(
                $"Invoices {string.Join(", ", open)} are open: their data is needed for the claim (GDPR art. 17(3)(e)). Erase once they are closed.");
        }

        var running = new List<string>();
        foreach (var invoice in invoices)
        {
            if (await workflows.GetAsync(invoice.Invoice.Number, cancellationToken) is { } view && !IsFinished(view.RuntimeStatus))
            {
                running.Add(invoice.Invoice.Number);
            }
        }

        if (running.Count > 0)
        {
            return Outcome.Conflict<ErasureReport>($"The workflows of invoices {string.Join(", ", running)} are still finishing; try again shortly.");
        }

        var now = time.GetUtcNow();
        var erased = new List<string>();
        var already = new List<string>();
        foreach (var invoice in invoices)
        {
            var contacts = await store.ListContactsAsync(invoice.Invoice.Number, cancellationToken);
            if (InvoiceRedactor.DoneLevel(contacts) == RedactionLevel.PersonalData)
            {
                already.Add(invoice.Invoice.Number);
            }
            else if (await redactor.RedactAsync(invoice, RedactionLevel.PersonalData, Why, now, cancellationToken))
            {
                erased.Add(invoice.Invoice.Number);
            }
        }

        return Outcome.Ok(new ErasureReport(now, erased, already));
    }

    private static bool IsFinished(string runtimeStatus) => runtimeStatus is "Completed" or "Failed" or "Terminated";
}

/// <param name="Erased">Invoices redacted by this request.</param>
/// <param name="AlreadyErased">Invoices whose personal data was already gone (an earlier request, or the retention sweep).</param>
public sealed record ErasureReport(DateTimeOffset At, IReadOnlyList<string> Erased, IReadOnlyList<string> AlreadyErased);
