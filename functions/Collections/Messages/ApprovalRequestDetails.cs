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

/// <summary>One line of an invoice's contact history. The workflow's own lines carry their facts, so the template tells
/// them in the email's language ("Herinnering (vriendelijk) per sms"); every other line shows its
/// <paramref name="Description"/> as stored (notes written by people, refusals quoted from a provider).</summary>
/// <param name="Kind">The contact-log kind: message, call-task, payment, note, …</param>
/// <param name="Message">For a message: its kind (reminder, final-notice, …).</param>
/// <param name="Script">For a call task: its script (first-contact, follow-up, …), with <paramref name="Attempt"/>.</param>
/// <param name="Amount">For a payment: the amount received, with the <paramref name="Balance"/> left open; for a note, the
/// amount it names.</param>
/// <param name="Outcome">For a call outcome: its kind, with the promised date as <paramref name="Day"/> and a plan's
/// number of <paramref name="Instalments"/>.</param>
/// <param name="Note">For one of the workflow's notes: which (promise-not-met, instalment-missed, term-ended-costs-due,
/// amended, …), with the day it names as <paramref name="Day"/>.</param>
public sealed record HistoryEntry(
    DateOnly Date,
    string Description,
    string? Kind = null,
    string? Message = null,
    string? Tone = null,
    string? Channel = null,
    string? Script = null,
    int? Attempt = null,
    decimal? Amount = null,
    decimal? Balance = null,
    string? Outcome = null,
    DateOnly? Day = null,
    int? Instalments = null,
    string? Note = null);
