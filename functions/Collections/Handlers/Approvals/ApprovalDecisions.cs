namespace Collections.Handlers.Approvals;

/// <summary>The values of <see cref="Storage.ApprovalRecord.Decision"/>.</summary>
public static class ApprovalDecisions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string KeepInHouse = "keep-in-house";
}
