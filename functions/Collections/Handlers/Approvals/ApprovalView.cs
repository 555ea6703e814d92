using Collections.Storage;

namespace Collections.Handlers.Approvals;

/// <summary>What the approval page shows: the request, the invoice it concerns, and the decision once made.</summary>
public sealed record ApprovalView(
    string Id,
    string Action,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt,
    string? Decision,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    InvoiceRecord? Invoice)
{
    public static ApprovalView From(ApprovalRecord approval, InvoiceRecord? invoice) =>
        new(approval.Id, approval.Action, approval.RequestedAt, approval.ExpiresAt, approval.Decision, approval.DecidedAt, approval.DecidedBy, invoice);
}
