using Collections.Handlers;
using Collections.Storage;

namespace Collections.Privacy;

/// <summary>Everything stored about one debtor, for a subject access request (GDPR art. 15; art. 20 asks for a
/// structured, machine-readable format: this record as JSON).</summary>
public sealed record DebtorExport(
    string DebtorId,
    DateTimeOffset ExportedAt,
    IReadOnlyList<InvoiceRecord> Invoices,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<ContactLogEntry> ContactLog,
    IReadOnlyList<CallTaskRecord> CallTasks,
    IReadOnlyList<OutboxMessage> Outbox,
    IReadOnlyList<DebtorWorkflow> Workflows);

/// <summary>An invoice's workflow as the engine reports it; its history holds copies of the records above.</summary>
public sealed record DebtorWorkflow(string InvoiceNumber, WorkflowView View);

public sealed class DebtorExporter(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    public async Task<HandlerOutcome<DebtorExport>> ExportAsync(string debtorId, CancellationToken cancellationToken)
    {
        var invoices = await store.ListInvoicesOfDebtorAsync(debtorId, cancellationToken);
        if (invoices.Count == 0)
        {
            return Outcome.NotFound<DebtorExport>($"No invoices are stored for debtor {debtorId}.");
        }

        var payments = new List<PaymentRecord>();
        var outbox = new List<OutboxMessage>();
        var views = new List<DebtorWorkflow>();
        foreach (var invoice in invoices)
        {
            var number = invoice.Invoice.Number;
            payments.AddRange(await store.ListPaymentsAsync(number, cancellationToken));
            foreach (var tag in OutboxTags.Of(number))
            {
                outbox.AddRange(await store.ListOutboxOfTagAsync(tag, cancellationToken));
            }

            if (await workflows.GetAsync(number, cancellationToken) is { } view)
            {
                views.Add(new DebtorWorkflow(number, view));
            }
        }

        return Outcome.Ok(new DebtorExport(
            debtorId,
            time.GetUtcNow(),
            invoices,
            payments,
            await store.ListContactsOfDebtorAsync(debtorId, cancellationToken),
            await store.ListCallTasksOfDebtorAsync(debtorId, cancellationToken),
            outbox,
            views));
    }
}
