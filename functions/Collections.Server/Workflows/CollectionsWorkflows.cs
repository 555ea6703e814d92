using Collections.Activities;
using Collections.Durable;
using Collections.Workflow;

namespace Collections.Server.Workflows;

/// <summary>Registers the product's workflows and activities with the embedded runtime. The server and
/// <c>simulate</c> both use this, so they run the same code.</summary>
public static class CollectionsWorkflows
{
    public static DurableRegistry AddCollectionsWorkflows(this DurableRegistry registry, InvoiceActivities activities)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(activities);
        return registry
            .AddOrchestrator(InvoiceWorkflow.Name, context => InvoiceWorkflow.RunAsync(
                new DurableWorkflowContext(context),
                context.GetInput<InvoiceWorkflowInput>() ?? throw new InvalidOperationException($"{context.InstanceId}: no workflow input.")))
            .AddActivity<CheckInvoiceInput, InvoiceCheck>(nameof(InvoiceActivities.CheckInvoice), activities.CheckInvoice)
            .AddActivity<SendMessageInput, SendMessageResult>(nameof(InvoiceActivities.SendMessage), activities.SendMessage)
            .AddActivity<CallTaskInput, string>(nameof(InvoiceActivities.RaiseCallTask), activities.RaiseCallTask)
            .AddActivity<CancelCallTaskInput, bool>(nameof(InvoiceActivities.CancelCallTask), activities.CancelCallTask)
            .AddActivity<RecordInput, bool>(nameof(InvoiceActivities.Record), activities.Record)
            .AddActivity<RecordStageInput, bool>(nameof(InvoiceActivities.RecordStage), activities.RecordStage)
            .AddActivity<ApprovalInput, string>(nameof(InvoiceActivities.RequestHandOverApproval), activities.RequestHandOverApproval)
            .AddActivity<ApproverReminderInput, bool>(nameof(InvoiceActivities.RemindApprover), activities.RemindApprover)
            .AddActivity<HandOverInput, bool>(nameof(InvoiceActivities.HandOver), activities.HandOver)
            .AddActivity<CompleteInvoiceInput, bool>(nameof(InvoiceActivities.CompleteInvoice), activities.CompleteInvoice);
    }
}
