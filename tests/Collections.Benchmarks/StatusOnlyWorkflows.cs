using Collections.Durable;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Benchmarks;

/// <summary>The workflow port for read-only pages: each workflow view costs the runtime's status read, as on the
/// server; the book's invoices were written straight into the store, so none has a workflow. Nothing else is used.</summary>
internal sealed class StatusOnlyWorkflows(DurableClient client) : IInvoiceWorkflows
{
    public async Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        await client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor(invoiceNumber), cancellationToken) is { } status
            ? new WorkflowView(status.RuntimeStatus.ToString(), null, null, null, [], null)
            : null;

    public Task StartAsync(InvoiceRecord invoice, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task StartManyAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PausedAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ResumedAsync(string invoiceNumber, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ContactDetailsUpdatedAsync(InvoiceRecord invoice, ContactDetailsUpdated change, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WhatsAppConsentChangedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AmendedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PlanAgreedAsync(string invoiceNumber, IReadOnlyList<Instalment> instalments, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> PurgeAsync(string invoiceNumber, CancellationToken cancellationToken) => throw new NotSupportedException();
}
