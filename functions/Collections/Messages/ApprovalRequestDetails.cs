namespace Collections.Messages;

/// <summary>The content of the internal approval email for hand-over to a collection agency (R11).
/// It greets without a name: the approver is known only by an email address (often a team mailbox).
/// The links only lead to a confirmation page; the server changes nothing on a GET.</summary>
public sealed record ApprovalRequestDetails(
    Uri ApproveLink,
    Uri RejectLink,
    IReadOnlyList<HistoryEntry> History,
    string? CollectionAgency = null,
    string? Note = null);

/// <summary>One line of an invoice's contact history, e.g. "reminder sent by SMS".</summary>
public sealed record HistoryEntry(DateOnly Date, string Description);
