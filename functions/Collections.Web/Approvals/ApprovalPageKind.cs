namespace Collections.Web.Approvals;

/// <summary>What the approval page says: the request itself, the decision just made, or why there is nothing to decide.</summary>
public enum ApprovalPageKind
{
    Request,
    Done,
    Decided,
    Conflict,
    Expired,
    NoDecision,
    Invalid,
}
