using Collections.Invoices;
using Collections.Messaging;

namespace Collections.Storage;

/// <param name="BodyHash">SHA-256 of the canonical request body: the same POST again is recognised.</param>
/// <param name="Status">open, paid, cancelled, handed-over, closed-by-staff.</param>
/// <param name="Version">Row version / ETag; null on a record not yet stored.</param>
/// <param name="Disputed">A dispute is open (set when staff, the API or the debtor open one, cleared when it is resolved).</param>
public sealed record InvoiceRecord(
    Invoice Invoice,
    string BodyHash,
    DateTimeOffset ReceivedAt,
    string Status,
    decimal OpenBalance,
    string? Version = null,
    InvoicePause? Paused = null,
    bool Disputed = false);

/// <summary>Staff paused chasing the invoice: since when, by whom and why.</summary>
public sealed record InvoicePause(DateTimeOffset Since, string? By, string? Reason);

/// <param name="Source">Where the payment came from: accounting, stripe, mollie, webhook.</param>
public sealed record PaymentRecord(
    string PaymentId,
    string InvoiceNumber,
    decimal Amount,
    string Currency,
    DateTimeOffset PaidAt,
    string Source,
    DateTimeOffset RecordedAt)
{
    /// <summary>Only a payment in the invoice's currency counts towards it; one recorded before its invoice
    /// arrived (when the currency could not be checked) may be in another, and is left to staff.</summary>
    public bool CountsFor(Invoices.Invoice invoice) => string.Equals(Currency, invoice.Currency, StringComparison.Ordinal);
}

/// <param name="Id">Deterministic (from the workflow), so a retried activity does not add a second task.</param>
/// <param name="Script">first-contact, follow-up, promise-broken, …</param>
/// <param name="Status">open, done, cancelled.</param>
/// <param name="Outcome">The recorded call outcome as JSON, once done.</param>
public sealed record CallTaskRecord(
    string Id,
    string DebtorId,
    IReadOnlyList<string> InvoiceNumbers,
    string WorkflowInstanceId,
    string Script,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueBy,
    string Status,
    string? Outcome = null,
    string? Version = null);

/// <param name="Action">hand-over.</param>
/// <param name="TokenHash">SHA-256 of the single-use token in the approval email's links; the token itself is never stored.</param>
/// <param name="Decision">approve or reject, once decided.</param>
public sealed record ApprovalRecord(
    string Id,
    string InvoiceNumber,
    string WorkflowInstanceId,
    string Action,
    string TokenHash,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt,
    string? Decision = null,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? Version = null);

/// <param name="Id">Deterministic per workflow step, so a retried activity appends once.</param>
/// <param name="Kind">message, call-task, call-outcome, payment, approval, note, delivery-failed, …</param>
/// <param name="Text">The full text where there is one (a message as sent).</param>
/// <param name="DataJson">Structured details as JSON (recipient, balance, costs, script, due time, …) for timelines.</param>
public sealed record ContactLogEntry(
    string Id,
    string InvoiceNumber,
    string DebtorId,
    DateTimeOffset At,
    string Kind,
    string Summary,
    Channel? Channel = null,
    string? Tone = null,
    string? Text = null,
    string? DataJson = null);

public sealed record OutboxMessage(string Id, OutgoingMessage Message, DateTimeOffset StoredAt);

public sealed record StorePage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public sealed record AddResult<T>(bool Added, T Record);

/// <summary>A small value every instance shares (a channel's sending budget), with the version it was read at.</summary>
public sealed record SharedValue(string Value, string Version);
