using System.Text.Json.Serialization;
using Collections.Invoices;
using Collections.Policy;

namespace Collections.Workflow;

/// <summary>Everything that can happen to an invoice while its workflow runs. Raised on the invoice
/// workflow under the one event name <see cref="InvoiceWorkflow.EventName"/>, so a single wait (raced
/// against a timer) sees them in arrival order. Serialize them as <see cref="InvoiceEvent"/> so the
/// <c>type</c> discriminator is written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PaymentReceived), "payment-received")]
[JsonDerivedType(typeof(CallOutcomeRecorded), "call-outcome-recorded")]
[JsonDerivedType(typeof(DisputeOpened), "dispute-opened")]
[JsonDerivedType(typeof(DisputeResolved), "dispute-resolved")]
[JsonDerivedType(typeof(InvoiceAmended), "invoice-amended")]
[JsonDerivedType(typeof(InvoiceCredited), "invoice-credited")]
[JsonDerivedType(typeof(InvoiceCancelled), "invoice-cancelled")]
[JsonDerivedType(typeof(InvoiceClosedByStaff), "invoice-closed-by-staff")]
[JsonDerivedType(typeof(ContactDetailsUpdated), "contact-details-updated")]
[JsonDerivedType(typeof(DeliveryFailed), "delivery-failed")]
[JsonDerivedType(typeof(ApprovalDecided), "approval-decided")]
[JsonDerivedType(typeof(PolicyMigrated), "policy-migrated")]
[JsonDerivedType(typeof(ChasingPaused), "chasing-paused")]
[JsonDerivedType(typeof(ChasingResumed), "chasing-resumed")]
[JsonDerivedType(typeof(PaymentPlanAgreed), "payment-plan-agreed")]
[JsonDerivedType(typeof(WhatsAppConsentChanged), "whatsapp-consent-changed")]
public abstract record InvoiceEvent;

/// <summary>A payment recorded in the store (PaymentId dedupes redelivery).</summary>
public sealed record PaymentReceived(string PaymentId, decimal Amount, DateTimeOffset PaidAt) : InvoiceEvent;

/// <summary>Staff recorded the outcome of the call task <paramref name="CallTaskId"/>.</summary>
public sealed record CallOutcomeRecorded(string CallTaskId, CallOutcome Outcome) : InvoiceEvent;

public sealed record DisputeOpened(string Reason) : InvoiceEvent;

/// <summary>The dispute was settled; <paramref name="CreditAmount"/> is taken off the balance.</summary>
public sealed record DisputeResolved(decimal CreditAmount, string? Note = null) : InvoiceEvent;

/// <summary>The accounting system changed the invoice's amount or due date.</summary>
public sealed record InvoiceAmended(decimal Amount, DateOnly DueDate) : InvoiceEvent;

/// <summary>A credit note for part of the invoice.</summary>
public sealed record InvoiceCredited(decimal Amount, string? CreditNoteNumber = null) : InvoiceEvent;

public sealed record InvoiceCancelled(string? Reason = null) : InvoiceEvent;

/// <summary>Staff decided to stop chasing (e.g. after a hardship referral).</summary>
public sealed record InvoiceClosedByStaff(string Reason) : InvoiceEvent;

/// <summary>New contact details (already validated by intake); clears the flags on the channels given.</summary>
public sealed record ContactDetailsUpdated(string? Email, string? Phone, Channel? PreferredChannel) : InvoiceEvent;

/// <summary>A channel reported that a message could not be delivered.</summary>
public sealed record DeliveryFailed(Channel Channel, string? Reason = null) : InvoiceEvent;

public sealed record ApprovalDecided(string ApprovalId, ApprovalDecision Decision, string? DecidedBy = null) : InvoiceEvent;

/// <summary>An explicit migration of a running workflow to a new policy (logged).</summary>
public sealed record PolicyMigrated(CollectionsPolicy Policy, string? Reason = null) : InvoiceEvent;

/// <summary>Staff paused chasing: no messages, calls, approvals or escalation until resumed. Payments,
/// credits and cancellation still count meanwhile, and the step that was waiting keeps the time it had left.</summary>
public sealed record ChasingPaused(string? Reason = null) : InvoiceEvent;

public sealed record ChasingResumed : InvoiceEvent;

/// <summary>The debtor agreed a payment plan for the open balance (proposed on their page within the
/// policy's limits); the workflow watches its instalments from now on (R7).</summary>
public sealed record PaymentPlanAgreed(IReadOnlyList<Instalment> Instalments) : InvoiceEvent;

/// <summary>The debtor gave (<paramref name="OptIn"/>) or withdrew (null) their WhatsApp opt-in on their page. Given there,
/// it is also their wish to be written to by WhatsApp, so it becomes the preferred channel; withdrawn, messages go by SMS
/// (then email).</summary>
public sealed record WhatsAppConsentChanged(WhatsAppOptIn? OptIn) : InvoiceEvent;

public enum ApprovalDecision
{
    Approve,

    /// <summary>No hand-over: the invoice is closed (closed-by-staff).</summary>
    Reject,

    /// <summary>No hand-over: staff keep chasing it themselves (manual handling, stays open).</summary>
    KeepInHouse,
}
