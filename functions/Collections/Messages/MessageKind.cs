using System.Text.Json.Serialization;

namespace Collections.Messages;

/// <summary>What a message is for. Each kind has its own templates (docs/messages.md).
/// None of them is numbered (R4): earlier contact is referred to by date.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageKind>))]
public enum MessageKind
{
    /// <summary>Short, friendly note shortly before the due date, for known late payers (R3, R12).</summary>
    [JsonStringEnumMemberName("pre-due-nudge")]
    PreDueNudge,

    /// <summary>The invoice is overdue; friendly first, businesslike later (R5).</summary>
    [JsonStringEnumMemberName("reminder")]
    Reminder,

    /// <summary>The formal notice: for consumers the statutory 14-day letter stating the exact
    /// collection costs; for businesses the €40 compensation and commercial interest (LAW.md).</summary>
    [JsonStringEnumMemberName("final-notice")]
    FinalNotice,

    /// <summary>A promise to pay by a date was not kept (R7).</summary>
    [JsonStringEnumMemberName("promise-reminder")]
    PromiseReminder,

    /// <summary>An instalment of a payment plan was missed (R7).</summary>
    [JsonStringEnumMemberName("instalment-reminder")]
    InstalmentReminder,

    /// <summary>Confirms an agreed payment plan, listing the instalments by date.</summary>
    [JsonStringEnumMemberName("payment-plan-confirmation")]
    PaymentPlanConfirmation,

    /// <summary>Thanks for a (partial) payment and states what is still open.</summary>
    [JsonStringEnumMemberName("payment-received")]
    PaymentReceived,

    /// <summary>The debtor is in real trouble: points to free debt counselling (R11).</summary>
    [JsonStringEnumMemberName("debt-counselling-referral")]
    DebtCounsellingReferral,

    /// <summary>Internal email asking a staff member to approve hand-over to a collection agency (R11).</summary>
    [JsonStringEnumMemberName("approval-request")]
    ApprovalRequest,
}
