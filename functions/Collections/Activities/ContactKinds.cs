namespace Collections.Activities;

/// <summary>The contact-log kinds the workflow writes.</summary>
public static class ContactKinds
{
    public const string Message = "message";
    public const string DeliveryFailed = "delivery-failed";
    public const string CallTask = "call-task";
    public const string CallTaskJoined = "call-task-joined";
    public const string CallOutcome = "call-outcome";
    public const string StaffTask = "staff-task";
    public const string Note = "note";

    /// <summary>The debtor wrote to us (an inbound WhatsApp message), with its text.</summary>
    public const string DebtorWrote = "debtor-wrote";
    public const string Payment = "payment";
    public const string DisputeOpened = "dispute-opened";
    public const string DisputeResolved = "dispute-resolved";
    public const string ChasingPaused = "chasing-paused";
    public const string ChasingResumed = "chasing-resumed";
    public const string ApprovalRequested = "approval-requested";
    public const string ApprovalReminder = "approval-reminder";
    public const string ApprovalEscalated = "approval-escalated";
    public const string Approval = "approval";
    public const string HandedOver = "handed-over";
    public const string Completed = "completed";
}

public static class CallTaskStatus
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
}

public static class ApprovalActions
{
    public const string HandOver = "hand-over";
}
