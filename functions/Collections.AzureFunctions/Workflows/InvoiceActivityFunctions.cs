using Collections.Activities;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Workflows;

/// <summary>One activity function per activity of the invoice workflow, named as the workflow calls it.</summary>
public sealed class InvoiceActivityFunctions(InvoiceActivities activities)
{
    [Function(nameof(InvoiceActivities.CheckInvoice))]
    public Task<InvoiceCheck> CheckInvoice([ActivityTrigger] CheckInvoiceInput input) => activities.CheckInvoice(input);

    [Function(nameof(InvoiceActivities.SendMessage))]
    public Task<SendMessageResult> SendMessage([ActivityTrigger] SendMessageInput input) => activities.SendMessage(input);

    [Function(nameof(InvoiceActivities.RaiseCallTask))]
    public Task<string> RaiseCallTask([ActivityTrigger] CallTaskInput input) => activities.RaiseCallTask(input);

    [Function(nameof(InvoiceActivities.CancelCallTask))]
    public Task<bool> CancelCallTask([ActivityTrigger] CancelCallTaskInput input) => activities.CancelCallTask(input);

    [Function(nameof(InvoiceActivities.Record))]
    public Task<bool> Record([ActivityTrigger] RecordInput input) => activities.Record(input);

    [Function(nameof(InvoiceActivities.RecordStage))]
    public Task<bool> RecordStage([ActivityTrigger] RecordStageInput input) => activities.RecordStage(input);

    [Function(nameof(InvoiceActivities.RequestHandOverApproval))]
    public Task<string> RequestHandOverApproval([ActivityTrigger] ApprovalInput input) => activities.RequestHandOverApproval(input);

    [Function(nameof(InvoiceActivities.RemindApprover))]
    public Task<bool> RemindApprover([ActivityTrigger] ApproverReminderInput input) => activities.RemindApprover(input);

    [Function(nameof(InvoiceActivities.HandOver))]
    public Task<bool> HandOver([ActivityTrigger] HandOverInput input) => activities.HandOver(input);

    [Function(nameof(InvoiceActivities.CompleteInvoice))]
    public Task<bool> CompleteInvoice([ActivityTrigger] CompleteInvoiceInput input) => activities.CompleteInvoice(input);
}
