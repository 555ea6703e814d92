using System.Text.Json;
using Collections.Handlers;
using Collections.Handlers.Approvals;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Hosting;
using Collections.Json;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// The handlers' workflow port on Durable Functions. Starting is idempotent (<see cref="WorkflowStart"/>); events go
/// only to instances that can take them (<see cref="WorkflowEventDelivery"/>), as <see cref="InvoiceEvent"/>s under the
/// workflow's one event name. Invoice numbers become instance ids through <see cref="DurableInstanceId"/>; ids the
/// running workflow wrote into records (call tasks, approvals) already are instance ids.
/// </summary>
public sealed class DurableInvoiceWorkflows(CollectionsPolicy policy) : IInvoiceWorkflows
{
    private static DurableTaskClient Client => DurableClientScope.Current;

    public Task StartAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var instanceId = InstanceIdFor(invoice.Invoice.Number);
        return WorkflowStart.StartOnceAsync(
            async cancellation => await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation) is not null,
            cancellation => Client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(InvoiceWorkflow.Name), new InvoiceWorkflowInput(invoice.Invoice, policy), new StartOrchestrationOptions { InstanceId = instanceId }, cancellation),
            cancellationToken);
    }

    public Task PaymentReceivedAsync(PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return RaiseAsync(InstanceIdFor(payment.InvoiceNumber), new PaymentReceived(payment.PaymentId, payment.Amount, payment.PaidAt), cancellationToken);
    }

    public Task CreditedAsync(string invoiceNumber, CreditNote credit, decimal openBalance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var amount = credit.Amount ?? throw new ArgumentException("A credit note without an amount reached the workflow port.", nameof(credit));
        return RaiseAsync(InstanceIdFor(invoiceNumber), new InvoiceCredited(amount, credit.CreditNoteNumber), cancellationToken);
    }

    public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) =>
        RaiseAsync(InstanceIdFor(invoiceNumber), new InvoiceCancelled(reason), cancellationToken);

    public Task DisputeChangedAsync(string invoiceNumber, DisputeChange dispute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        InvoiceEvent change = dispute.Action == DisputeChange.Open
            ? new DisputeOpened(dispute.Reason ?? string.Empty)
            : new DisputeResolved(CreditAmount: 0, dispute.Reason);
        return RaiseAsync(InstanceIdFor(invoiceNumber), change, cancellationToken);
    }

    public Task CallOutcomeAsync(CallTaskRecord task, CallOutcomeRequest outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(outcome);
        var recorded = new CallOutcome(
            Enum.Parse<CallOutcomeKind>(outcome.Outcome!.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true),
            outcome.PromisedDate,
            outcome.Instalments?.Select(instalment => new Instalment(instalment.DueDate!.Value, instalment.Amount!.Value)).ToList(),
            outcome.Reason,
            outcome.CallbackAt,
            outcome.Note);
        return RaiseAsync(task.WorkflowInstanceId, new CallOutcomeRecorded(task.Id, recorded), cancellationToken);
    }

    public Task ApprovalDecidedAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var decision = approval.Decision == ApprovalDecisions.Approve ? ApprovalDecision.Approve : ApprovalDecision.Reject;
        return RaiseAsync(approval.WorkflowInstanceId, new ApprovalDecided(approval.Id, decision, approval.DecidedBy), cancellationToken);
    }

    public Task DeliveryFailedAsync(DeliveryFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return RaiseAsync(failure.WorkflowInstanceId, new DeliveryFailed(failure.Channel, failure.Details ?? failure.ProviderStatus), cancellationToken);
    }

    public async Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var instance = await Client.GetInstanceAsync(InstanceIdFor(invoiceNumber), getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? null
            : DurableWorkflowView.From(instance.RuntimeStatus.ToString(), instance.SerializedCustomStatus, instance.SerializedOutput);
    }

    private static string InstanceIdFor(string invoiceNumber) => DurableInstanceId.From(InvoiceWorkflow.InstanceIdFor(invoiceNumber));

    private static Task RaiseAsync(string instanceId, InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
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
