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
/// The handlers' workflow port on the embedded runtime: the invoice workflow's own events, each raised
/// with an event id where a retry could repeat it (the runtime drops a repeated id), so a redelivered
/// webhook or a retried request reaches the workflow once.
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

    public Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(payment.InvoiceNumber, InvoiceEventMapping.Payment(payment), $"payment:{payment.PaymentId}", cancellationToken);

    public Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, InvoiceEventMapping.Credit(credit), $"credit:{credit.CreditNoteNumber}", cancellationToken);

    public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, new InvoiceCancelled(reason), "cancel", cancellationToken);

    public Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, InvoiceEventMapping.Dispute(dispute), cancellationToken: cancellationToken);

    public Task PausedAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, new ChasingPaused(reason), cancellationToken: cancellationToken);

    public Task ResumedAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, new ChasingResumed(), cancellationToken: cancellationToken);

    public Task ContactDetailsUpdatedAsync(InvoiceRecord invoice, ContactDetailsUpdated change, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoice.Invoice.Number, change, $"contact-details:{invoice.Version}", cancellationToken);

    public Task WhatsAppConsentChangedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoice.Invoice.Number, InvoiceEventMapping.WhatsAppConsent(invoice), $"whatsapp-consent:{invoice.Version}", cancellationToken);

    public Task AmendedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoice.Invoice.Number, InvoiceEventMapping.Amendment(invoice), $"amended:{invoice.Version}", cancellationToken);

    public Task PlanAgreedAsync(string invoiceNumber, IReadOnlyList<Instalment> instalments, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, new PaymentPlanAgreed(instalments), cancellationToken: cancellationToken);

    public async Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken)
    {
        var recorded = InvoiceEventMapping.CallOutcome(task, outcome);
        foreach (var invoiceNumber in task.InvoiceNumbers)
        {
            await workflows.RaiseAsync(invoiceNumber, recorded, $"call-outcome:{task.Id}", cancellationToken);
        }
    }

    public Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(approval.InvoiceNumber, InvoiceEventMapping.Approval(approval), $"approval:{approval.Id}", cancellationToken);

    public async Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken)
    {
        if (InvoiceEventMapping.IsInvoiceWorkflow(failure.WorkflowInstanceId))
        {
            await workflows.RaiseAsync(
                failure.WorkflowInstanceId[InstancePrefix.Length..],
                InvoiceEventMapping.Delivery(failure),
                $"delivery:{failure.EventId}",
                cancellationToken);
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
