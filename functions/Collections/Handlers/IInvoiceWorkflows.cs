using Collections.Handlers.Approvals;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Handlers;

/// <summary>
/// What the handlers need from the workflow engine. Each host implements it on its own engine
/// (the server on the embedded runtime, the Azure app on Durable Task) using the workflow's own
/// event names and payload records, and the engine's event ids for the "once" guarantees. Raising an event for an invoice whose workflow does not run
/// (not started yet, already completed) must not fail: the facts are in the store first, and a
/// workflow reads the recorded balance when it starts.
/// </summary>
public interface IInvoiceWorkflows
{
    /// <summary>Starts the invoice's workflow unless an instance for it already exists in any state,
    /// so a repeated or concurrent intake starts exactly one workflow.</summary>
    Task StartAsync(InvoiceRecord invoice, CancellationToken cancellationToken);

    /// <summary>Bulk intake: <see cref="StartAsync"/> for each invoice (distinct numbers), in as few engine writes as the
    /// engine allows; when it returns, every one of them has a workflow.</summary>
    Task StartManyAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken);

    /// <summary>Reaches the workflow once per payment id, however often it is called.</summary>
    Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken);

    /// <summary>Reaches the workflow once per credit note number, however often it is called.</summary>
    Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken);

    Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken);

    Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken);

    /// <summary>Chasing stops until resumed; pausing a paused workflow changes nothing.</summary>
    Task PausedAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken);

    /// <summary>Chasing continues; resuming a running workflow changes nothing.</summary>
    Task ResumedAsync(string invoiceNumber, CancellationToken cancellationToken);

    /// <summary>New contact details for the debtor (<paramref name="change"/> holds only the fields given);
    /// reaches the workflow once per stored <see cref="InvoiceRecord.Version"/> of <paramref name="invoice"/>.</summary>
    Task ContactDetailsUpdatedAsync(InvoiceRecord invoice, Workflow.ContactDetailsUpdated change, CancellationToken cancellationToken);

    /// <summary>The debtor's stored WhatsApp opt-in (given on their page, or withdrawn there: none); reaches the workflow once per
    /// stored <see cref="InvoiceRecord.Version"/> of <paramref name="invoice"/>.</summary>
    Task WhatsAppConsentChangedAsync(InvoiceRecord invoice, CancellationToken cancellationToken);

    /// <summary>The invoice's stored amount and due date; reaches the workflow once per stored <see cref="InvoiceRecord.Version"/>.</summary>
    Task AmendedAsync(InvoiceRecord invoice, CancellationToken cancellationToken);

    /// <summary>The debtor's payment plan for the open balance; reaches the workflow once per distinct plan.</summary>
    Task PlanAgreedAsync(string invoiceNumber, IReadOnlyList<Workflow.Instalment> instalments, CancellationToken cancellationToken);

    /// <summary>Reaches each workflow once per call task, however often it is called.</summary>
    Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken);

    /// <summary>Reaches the workflow once per approval, however often it is called.</summary>
    Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken);

    /// <summary>Raised once per <see cref="DeliveryFailure.EventId"/> on the instance that sent the message.</summary>
    Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken);

    /// <summary>The workflow's runtime status and what it waits for; null when it never started.</summary>
    Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken);

    /// <summary>Deletes a finished workflow's history, input and output, which hold copies of personal data (docs/privacy.md).
    /// True when nothing of it is left (purged now, or there never was one); false while it still runs, and then it is left alone.</summary>
    Task<bool> PurgeAsync(string invoiceNumber, CancellationToken cancellationToken);
}

/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated, …</param>
/// <param name="Stage">The workflow's stage (its custom status), e.g. waiting-for-due-date, friendly-reminder.</param>
/// <param name="NextStep">What the workflow does next when nothing arrives.</param>
/// <param name="WaitingFor">Events it currently listens for (payment, call-outcome, …).</param>
/// <param name="Outcome">How it ended, once completed (paid, cancelled, handed-over, …).</param>
public sealed record WorkflowView(
    string RuntimeStatus,
    string? Stage,
    string? NextStep,
    DateTimeOffset? NextStepAt,
    IReadOnlyList<string> WaitingFor,
    string? Outcome);
