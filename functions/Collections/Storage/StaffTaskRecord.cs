namespace Collections.Storage;

/// <summary>Something only a person can sort out (check a payment, find a number, settle a dispute), raised by an
/// invoice's workflow and worked from the task inbox.</summary>
/// <param name="Id">The workflow step that raised it, so a retried activity raises it once.</param>
/// <param name="Kind">One of <see cref="StaffTaskKinds"/>.</param>
/// <param name="Summary">What to do, as the workflow wrote it in the contact log.</param>
/// <param name="Status">open or closed.</param>
/// <param name="Assignee">The staff member (sign-in name) who works it; null while unassigned.</param>
/// <param name="DetailsJson">The facts of <paramref name="Summary"/> (which text, and its values), so pages tell it in their
/// language; null for tasks whose text has no such facts (then the English summary shows).</param>
public sealed record StaffTaskRecord(
    string Id,
    string Kind,
    string InvoiceNumber,
    string DebtorId,
    string Summary,
    DateTimeOffset CreatedAt,
    string Status,
    string? Assignee = null,
    string? ClosingNote = null,
    string? ClosedBy = null,
    DateTimeOffset? ClosedAt = null,
    string? Version = null,
    string? DetailsJson = null);

public static class StaffTaskStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>The kinds of staff task the workflow raises.</summary>
public static class StaffTaskKinds
{
    public const string CheckBeforeChasing = "check-before-chasing";
    public const string ContactData = "contact-data";
    public const string WrongNumber = "wrong-number";
    public const string DeliveryFailed = "delivery-failed";
    public const string Dispute = "dispute";
    public const string Overpayment = "overpayment";
    public const string PaymentToCheck = "payment-to-check";
    public const string CallNotWorked = "call-not-worked";
    public const string PostalNotice = "postal-notice";
    public const string HandOver = "hand-over";
    public const string Hardship = "hardship";
    public const string Outage = "outage";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
    [
        CheckBeforeChasing, ContactData, WrongNumber, DeliveryFailed, Dispute, Overpayment, PaymentToCheck,
        CallNotWorked, PostalNotice, HandOver, Hardship, Outage, Other,
    ];
}
