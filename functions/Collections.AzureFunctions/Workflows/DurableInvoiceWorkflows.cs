using System.Text.Json;
using Collections.Handlers;
using Collections.Handlers.Approvals;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Json;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// The handlers' workflow port on Durable Functions. Starting is idempotent (<see cref="WorkflowStart"/>); events
/// (<see cref="InvoiceEventMapping"/>) go to instances that can take them (<see cref="WorkflowEventDelivery"/>)
/// under the workflow's one event name. Invoice numbers become instance ids through <see cref="DurableInstanceId"/>.
/// Durable Task raises events without ids, so the port's "once per id" rests on the workflow: every event carries
/// its <see cref="InvoiceEvent.EventId"/> (<see cref="InvoiceEventMapping"/>), and the workflow ignores one it has handled.
/// </summary>
public sealed class DurableInvoiceWorkflows(CollectionsPolicy policy, DurableClientSource clients) : IInvoiceWorkflows
{
    private const int StartConcurrency = 16;

    private DurableTaskClient Client => clients.Client;

    public Task StartAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var instanceId = InstanceIdFor(invoice.Invoice.Number);
        return WorkflowStart.StartOnceAsync(
            async cancellation => await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation) is not null,
            cancellation => Client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(InvoiceWorkflow.Name),
                new InvoiceWorkflowInput(invoice.Invoice, policy),
                new StartOrchestrationOptions { InstanceId = instanceId },
                cancellation),
            cancellationToken);
    }

    /// <summary>Durable Task schedules one instance per call: each is started on its own, a few at a time.</summary>
    public Task StartManyAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            invoices,
            new ParallelOptions { MaxDegreeOfParallelism = StartConcurrency, CancellationToken = cancellationToken },
            async (invoice, token) => await StartAsync(invoice, token));

    public Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(payment.InvoiceNumber), InvoiceEventMapping.Payment(payment), cancellationToken);

    public Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoiceNumber), InvoiceEventMapping.Credit(credit), cancellationToken);

    public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoiceNumber), InvoiceEventMapping.Cancellation(reason), cancellationToken);

    public Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoiceNumber), InvoiceEventMapping.Dispute(dispute), cancellationToken);

    public Task PausedAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoiceNumber), InvoiceEventMapping.Pause(reason), cancellationToken);

    public Task ResumedAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoiceNumber), InvoiceEventMapping.Resume(), cancellationToken);

    public Task ContactDetailsUpdatedAsync(InvoiceRecord invoice, ContactDetailsUpdated change, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoice.Invoice.Number), InvoiceEventMapping.ContactDetails(invoice, change), cancellationToken);

    public Task WhatsAppConsentChangedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoice.Invoice.Number), InvoiceEventMapping.WhatsAppConsent(invoice), cancellationToken);

    public Task AmendedAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoice.Invoice.Number), InvoiceEventMapping.Amendment(invoice), cancellationToken);

    public Task PlanAgreedAsync(string invoiceNumber, IReadOnlyList<Instalment> instalments, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoiceNumber), InvoiceEventMapping.Plan(instalments), cancellationToken);

    public async Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken)
    {
        var recorded = InvoiceEventMapping.CallOutcome(task, outcome);
        foreach (var invoiceNumber in task.InvoiceNumbers)
        {
            await RaiseAsync(InstanceIdFor(invoiceNumber), recorded, cancellationToken);
        }
    }

    public Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(approval.InvoiceNumber), InvoiceEventMapping.Approval(approval), cancellationToken);

    // The message's tag is the sending workflow's own instance id (already a Durable instance id).
    public Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken) =>
        InvoiceEventMapping.IsInvoiceWorkflow(failure.WorkflowInstanceId)
            ? RaiseAsync(DurableInstanceId.From(failure.WorkflowInstanceId), InvoiceEventMapping.Delivery(failure), cancellationToken)
            : Task.CompletedTask;

    public async Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var instance = await Client.GetInstanceAsync(InstanceIdFor(invoiceNumber), getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? null
            : DurableWorkflowView.From(instance.RuntimeStatus.ToString(), instance.SerializedCustomStatus, instance.SerializedOutput);
    }

    /// <summary>The task hub's purge deletes the instance's history and its stored inputs and outputs (all generations of a
    /// ContinueAsNew chain share the id); only finished instances can be purged
    /// (https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-instance-management#purge-instance-history).</summary>
    public async Task<bool> PurgeAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var instanceId = InstanceIdFor(invoiceNumber);
        var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return true;
        }

        if (!instance.IsCompleted)
        {
            return false;
        }

        var purged = await Client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        return purged.PurgedInstanceCount == 1;
    }

    private static string InstanceIdFor(string invoiceNumber) => DurableInstanceId.From(InvoiceWorkflow.InstanceIdFor(invoiceNumber));

    private Task RaiseAsync(string instanceId, InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
    {
        // Serialized as the base type, so the "type" discriminator travels with the payload.
        var payload = JsonSerializer.SerializeToElement(invoiceEvent, CollectionsJson.Options);
        return WorkflowEventDelivery.RaiseIfActiveAsync(
            async cancellation => await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation) is { } instance
                ? DurableRuntimeStatus.ToProduct(instance.RuntimeStatus.ToString())
                : null,
            cancellation => Client.RaiseEventAsync(instanceId, InvoiceWorkflow.EventName, payload, cancellation),
            cancellationToken);
    }
}
