using System.Collections.Concurrent;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Server.Tests.Support;

/// <summary>A hand-written <see cref="IInvoiceWorkflows"/> that records what the handlers asked of the
/// engine; like the real runtime it starts an instance id at most once.</summary>
internal sealed class RecordingWorkflows : IInvoiceWorkflows
{
    private readonly ConcurrentDictionary<string, InvoiceRecord> started = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> StartCalls { get; } = new();

    public ConcurrentQueue<(string Invoice, string Event, object Payload)> Events { get; } = new();

    public IReadOnlyCollection<string> Started => started.Keys.ToList();

    public Task StartAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        StartCalls.Enqueue(invoice.Invoice.Number);
        started.TryAdd(invoice.Invoice.Number, invoice);
        return Task.CompletedTask;
    }

    public Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken) =>
        Record(payment.InvoiceNumber, "payment-received", payment);

    public Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken) =>
        Record(invoiceNumber, "invoice-credited", credit);

    public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        Record(invoiceNumber, "invoice-cancelled", reason ?? string.Empty);

    public Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken) =>
        Record(invoiceNumber, $"dispute-{dispute.Action}", dispute);

    public Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken) =>
        Record(string.Join(",", task.InvoiceNumbers), "call-outcome-recorded", outcome);

    public Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken) =>
        Record(approval.InvoiceNumber, "approval-decided", approval);

    public Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken) =>
        Record(failure.WorkflowInstanceId, "delivery-failed", failure);

    public Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        Task.FromResult(started.ContainsKey(invoiceNumber)
            ? new WorkflowView("Running", "waiting-for-due-date", "friendly-reminder", null, ["payment"], null)
            : null);

    public IReadOnlyList<string> EventsFor(string invoiceNumber) =>
        Events.Where(recorded => recorded.Invoice == invoiceNumber).Select(recorded => recorded.Event).ToList();

    private Task Record(string invoiceNumber, string name, object payload)
    {
        Events.Enqueue((invoiceNumber, name, payload));
        return Task.CompletedTask;
    }
}
