using System.Text.Json;
using Collections.Durable;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Json;
using Collections.Policy;
using Collections.Server.Workflows;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Server.Hosting;

/// <summary>
/// The handlers' workflow port on the embedded runtime: the invoice workflow's own events, each raised with its
/// <see cref="InvoiceEvent.EventId"/> as the runtime's event id too (the runtime drops a repeated id; the workflow
/// ignores one it has handled), so a redelivered webhook or a retried request reaches the workflow once.
/// </summary>
internal sealed class EmbeddedInvoiceWorkflows(DurableRuntime runtime, InvoiceWorkflowClient workflows, CollectionsPolicy policy) : IInvoiceWorkflows
{
    private static readonly string InstancePrefix = InvoiceWorkflow.InstanceIdFor(string.Empty);

    public async Task StartAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        // The runtime would restart a finished instance; an invoice's workflow runs once.
        if (await runtime.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor(invoice.Invoice.Number), cancellationToken) is null)
        {
            await workflows.StartAsync(invoice.Invoice, policy, cancellationToken);
        }
    }

    /// <summary>One client write on the runtime, which starts an id only when no instance has it in any state.</summary>
    public Task StartManyAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        return workflows.StartManyAsync([.. invoices.Select(invoice => invoice.Invoice)], policy, cancellationToken);
    }

    public Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken) =>
        RaiseAsync(payment.InvoiceNumber, InvoiceEventMapping.Payment(payment), cancellationToken);

    public Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken) =>
        RaiseAsync(invoiceNumber, InvoiceEventMapping.Credit(credit), cancellationToken);

    public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        RaiseAsync(invoiceNumber, InvoiceEventMapping.Cancellation(reason), cancellationToken);

    public Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken) =>
        RaiseAsync(invoiceNumber, InvoiceEventMapping.Dispute(dispute), cancellationToken);

    public Task PausedAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        RaiseAsync(invoiceNumber, InvoiceEventMapping.Pause(reason), cancellationToken);

    public Task ResumedAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        RaiseAsync(invoiceNumber, InvoiceEventMapping.Resume(), cancellationToken);

    public Task ContactDetailsUpdatedAsync(InvoiceRecord invoice, ContactDetailsUpdated change, CancellationToken cancellationToken) =>
        RaiseAsync(invoice.Invoice.Number, InvoiceEventMapping.ContactDetails(invoice, change), cancellationToken);

    public Task WhatsAppConsentChangedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        RaiseAsync(invoice.Invoice.Number, InvoiceEventMapping.WhatsAppConsent(invoice), cancellationToken);

    public Task AmendedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        RaiseAsync(invoice.Invoice.Number, InvoiceEventMapping.Amendment(invoice), cancellationToken);

    public Task PlanAgreedAsync(string invoiceNumber, IReadOnlyList<Instalment> instalments, CancellationToken cancellationToken) =>
        RaiseAsync(invoiceNumber, InvoiceEventMapping.Plan(instalments), cancellationToken);

    public async Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken)
    {
        var recorded = InvoiceEventMapping.CallOutcome(task, outcome);
        foreach (var invoiceNumber in task.InvoiceNumbers)
        {
            await RaiseAsync(invoiceNumber, recorded, cancellationToken);
        }
    }

    public Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken) =>
        RaiseAsync(approval.InvoiceNumber, InvoiceEventMapping.Approval(approval), cancellationToken);

    public async Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken)
    {
        if (InvoiceEventMapping.IsInvoiceWorkflow(failure.WorkflowInstanceId))
        {
            await RaiseAsync(failure.WorkflowInstanceId[InstancePrefix.Length..], InvoiceEventMapping.Delivery(failure), cancellationToken);
        }
    }

    public async Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var status = await runtime.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor(invoiceNumber), cancellationToken);
        if (status is null)
        {
            return null;
        }

        var custom = status.ReadCustomStatus<JsonElement?>();
        return new WorkflowView(
            status.RuntimeStatus.ToString(),
            Text(custom, "stage"),
            Text(custom, "next"),
            status.NextTimerAt,
            [.. status.AwaitedEvents, .. status.PendingActivities],
            status.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? OutcomeOf(status) : null);
    }

    public async Task<bool> PurgeAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var instanceId = InvoiceWorkflow.InstanceIdFor(invoiceNumber);
        return await runtime.Client.GetStatusAsync(instanceId, cancellationToken) is null
            || await runtime.Client.PurgeAsync(instanceId, cancellationToken);
    }

    private Task RaiseAsync(string invoiceNumber, InvoiceEvent invoiceEvent, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, invoiceEvent, invoiceEvent.EventId, cancellationToken);

    private static string? OutcomeOf(InstanceStatus status)
    {
        var result = status.ReadOutput<InvoiceResult?>();
        return result is null ? null : JsonSerializer.Serialize(result.Value, CollectionsJson.Options).Trim('"');
    }

    private static string? Text(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;
}
