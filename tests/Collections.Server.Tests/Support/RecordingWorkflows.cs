using System.Collections.Concurrent;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Server.Tests.Support;

/// <summary>A hand-written <see cref="IInvoiceWorkflows"/> that records what reached the workflows; like
/// the real runtime it starts an instance id at most once and drops a repeated event id.</summary>
internal sealed class RecordingWorkflows : IInvoiceWorkflows
{
    private readonly ConcurrentDictionary<string, InvoiceRecord> started = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> StartCalls { get; } = new();

    public ConcurrentQueue<(string Invoice, string Event, object Payload)> Events { get; } = new();

    /// <summary>Every call, including the repeats the runtime would drop.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    private readonly ConcurrentDictionary<string, bool> eventIds = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Started => started.Keys.ToList();

    /// <summary>The record the invoice's workflow was started with.</summary>
    public InvoiceRecord StartedWith(string invoiceNumber) => started[invoiceNumber];

    public Task StartAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        StartCalls.Enqueue(invoice.Invoice.Number);
        started.TryAdd(invoice.Invoice.Number, invoice);
        return Task.CompletedTask;
    }

    /// <summary>Each bulk start's invoice numbers, one entry per call.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> StartManyCalls { get; } = new();

    /// <summary>Makes the next bulk start fail before anything starts, as a crash between storing and starting would.</summary>
    public bool FailNextStartMany { get; set; }

    public Task StartManyAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken)
    {
        if (FailNextStartMany)
        {
            FailNextStartMany = false;
            throw new InvalidOperationException("The workflow engine is unreachable.");
        }

        StartManyCalls.Enqueue([.. invoices.Select(invoice => invoice.Invoice.Number)]);
        foreach (var invoice in invoices)
        {
            StartCalls.Enqueue(invoice.Invoice.Number);
            started.TryAdd(invoice.Invoice.Number, invoice);
        }

        return Task.CompletedTask;
    }

    public Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken) =>
        Record(payment.InvoiceNumber, "payment-received", payment, $"payment:{payment.PaymentId}");

    public Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken) =>
        Record(invoiceNumber, "invoice-credited", credit, $"credit:{credit.CreditNoteNumber}");

    public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        Record(invoiceNumber, "invoice-cancelled", reason ?? string.Empty);

    public Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken) =>
        Record(invoiceNumber, $"dispute-{dispute.Action}", dispute);

    public Task PausedAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        Record(invoiceNumber, "chasing-paused", reason ?? string.Empty);

    public Task ResumedAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        Record(invoiceNumber, "chasing-resumed", string.Empty);

    public Task ContactDetailsUpdatedAsync(InvoiceRecord invoice, Workflow.ContactDetailsUpdated change, CancellationToken cancellationToken) =>
        Record(invoice.Invoice.Number, "contact-details-updated", change, $"contact-details:{invoice.Version}");

    public Task WhatsAppConsentChangedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        Record(invoice.Invoice.Number, "whatsapp-consent-changed", invoice, $"whatsapp-consent:{invoice.Version}");

    public Task AmendedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        Record(invoice.Invoice.Number, "invoice-amended", invoice, $"amended:{invoice.Version}");

    public Task PlanAgreedAsync(string invoiceNumber, IReadOnlyList<Workflow.Instalment> instalments, CancellationToken cancellationToken) =>
        Record(invoiceNumber, "payment-plan-agreed", instalments);

    public Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken) =>
        Record(string.Join(",", task.InvoiceNumbers), "call-outcome-recorded", outcome, $"call-outcome:{task.Id}");

    public Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken) =>
        Record(approval.InvoiceNumber, "approval-decided", approval, $"approval:{approval.Id}");

    public Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken) =>
        Record(failure.WorkflowInstanceId, "delivery-failed", failure, $"delivery:{failure.EventId}");

    public Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        Task.FromResult(started.ContainsKey(invoiceNumber)
            ? new WorkflowView("Running", "wait-for-due-date", "friendly-reminder", null, ["invoice-event"], null)
            : null);

    /// <summary>Recorded workflows always run, as their view says, so none can be purged.</summary>
    public Task<bool> PurgeAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        Task.FromResult(!started.ContainsKey(invoiceNumber));

    public IReadOnlyList<string> EventsFor(string invoiceNumber) =>
        Events.Where(recorded => recorded.Invoice == invoiceNumber).Select(recorded => recorded.Event).ToList();

    private Task Record(string invoiceNumber, string name, object payload, string? eventId = null)
    {
        Calls.Enqueue(name);
        if (eventId is null || eventIds.TryAdd($"{invoiceNumber}\n{eventId}", true))
        {
            Events.Enqueue((invoiceNumber, name, payload));
        }

        return Task.CompletedTask;
    }
}
