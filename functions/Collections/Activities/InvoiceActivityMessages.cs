using Collections.Invoices;
using Collections.Messages;
using Collections.Policy;
using Collections.Workflow;

namespace Collections.Activities;

// The inputs and results of the invoice workflow's activities. Every input carries a StepKey
// (workflow instance id + a deterministic id from the workflow) so a retried activity does its
// work once, and At: the workflow's time of the step.

public sealed record CheckInvoiceInput(string StepKey, DateTimeOffset At, Invoice Invoice);

/// <summary>What intake-time checks found (R2): normalised contact data or the problem with it,
/// problems with the invoice itself, an open dispute, payments already recorded, and the debtor's payment
/// history as it best is known (R12: the accounting system's or our own records'). Payments recorded in another
/// currency than the invoice's do not count; <see cref="ForeignPayments"/> describes them for staff.</summary>
public sealed record InvoiceCheck(
    string? Phone,
    string? PhoneProblem,
    string? Email,
    string? EmailProblem,
    IReadOnlyList<string> InvoiceProblems,
    string? OpenDispute,
    IReadOnlyList<RecordedPayment> Payments,
    PaymentHistory? History = null,
    IReadOnlyList<string>? ForeignPayments = null,
    IReadOnlyList<CheckProblem>? Problems = null);

public sealed record RecordedPayment(string PaymentId, decimal Amount, DateTimeOffset PaidAt);

/// <param name="CostsCharged">Collection costs (consumer) or compensation and interest (business) are due now.</param>
/// <param name="Resend">The message did not arrive over another channel: it is sent again even if that makes two today.</param>
/// <param name="ReminderTermDays">Days from today a reminder gives to pay (its new deadline).</param>
/// <param name="WhatsApp">The policy's WhatsApp templates, for a message by WhatsApp.</param>
/// <param name="BudgetSlot">The sending budget's slot given to this send by an earlier attempt (<see cref="SendMessageResult.BudgetSlot"/>).</param>
/// <param name="SendBy">The end of today's message window: the budget gives no slot at or after it.</param>
public sealed record SendMessageInput(
    string StepKey,
    DateTimeOffset At,
    string WorkflowInstanceId,
    Invoice Invoice,
    MessageRequest Message,
    Channel Channel,
    decimal Balance,
    decimal Paid,
    bool CostsCharged,
    IReadOnlyList<EarlierContact> EarlierContacts,
    string PolicyVersion,
    int ReminderTermDays,
    bool AddVatToCosts,
    bool TreatAsConsumer,
    bool Resend = false,
    WhatsAppPolicy? WhatsApp = null,
    DateTimeOffset? BudgetSlot = null,
    DateTimeOffset? SendBy = null);

/// <param name="Problem">Why the channel refused the message for good (then nothing was sent).</param>
/// <param name="SentVia">The channel it went by when that differs from the one asked for (WhatsApp without an approved template: SMS).</param>
/// <param name="NotBefore">For <see cref="SendOutcome.Throttled"/>: the first moment the channel may send again.</param>
/// <param name="BudgetSlot">For <see cref="SendOutcome.Throttled"/>: the slot of the sending budget counted for this
/// send (then equal to <paramref name="NotBefore"/>); bring it back in <see cref="SendMessageInput.BudgetSlot"/>.</param>
public sealed record SendMessageResult(SendOutcome Outcome, string? Problem = null, Channel? SentVia = null, DateTimeOffset? NotBefore = null, DateTimeOffset? BudgetSlot = null);

/// <summary>One voice per debtor: at most one message a day, listing every overdue invoice.</summary>
public enum SendOutcome
{
    /// <summary>Sent, listing this invoice and the debtor's other overdue invoices.</summary>
    Sent,

    /// <summary>Another invoice's message today already listed this invoice: nothing more is sent.</summary>
    Covered,

    /// <summary>The debtor already got a message today that does not cover this one: try the next day.</summary>
    Deferred,

    /// <summary>The channel refused the message for good.</summary>
    Refused,

    /// <summary>The channel's sending budget is used up (or the provider answered 429): nothing was sent; try again
    /// at <see cref="SendMessageResult.NotBefore"/>.</summary>
    Throttled,
}

public sealed record CallTaskInput(
    string StepKey,
    DateTimeOffset At,
    string WorkflowInstanceId,
    Invoice Invoice,
    CallScript Script,
    int Attempt,
    DateTimeOffset DueBy,
    decimal Balance,
    IReadOnlyList<EarlierContact> EarlierContacts,
    string? Agreement);

public sealed record CancelCallTaskInput(string StepKey, DateTimeOffset At, Invoice Invoice, string TaskId, string Reason);

/// <param name="Stage">The stage's code as the workflow's status shows it (<c>final-notice-term</c>).</param>
/// <param name="LastStep">The last ladder step that reached the debtor (<c>businesslike</c>); null from a workflow that
/// began before it was stored, which writes the stage alone.</param>
public sealed record RecordStageInput(string InvoiceNumber, string Stage, string? LastStep = null, int PromisesMade = 0, int PromisesBroken = 0);

/// <param name="Kind">The contact-log kind: note, staff-task, call-outcome, payment, dispute, …</param>
/// <param name="TaskKind">For a staff task: which (<see cref="Storage.StaffTaskKinds"/>); the task is stored for the inbox too.</param>
public sealed record RecordInput(string StepKey, DateTimeOffset At, Invoice Invoice, string Kind, string Summary, string? DataJson = null, string? TaskKind = null);

public sealed record ApprovalInput(
    string StepKey,
    DateTimeOffset At,
    string WorkflowInstanceId,
    Invoice Invoice,
    decimal Balance,
    bool TreatAsConsumer,
    bool AddVatToCosts,
    string ApproverEmail,
    int LinkValidDays);

public sealed record ApproverReminderInput(string StepKey, DateTimeOffset At, Invoice Invoice, string ApprovalId, string To, bool Escalation);

public sealed record HandOverInput(string StepKey, DateTimeOffset At, Invoice Invoice, decimal Balance, bool TreatAsConsumer, bool AddVatToCosts);

public sealed record CompleteInvoiceInput(string StepKey, DateTimeOffset At, Invoice Invoice, InvoiceResult Result, decimal Balance);
