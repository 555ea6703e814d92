using Collections.Handlers.Approvals;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Handlers;

/// <summary>
/// What the handlers tell a workflow (<c>IInvoiceWorkflows</c>) as the invoice workflow's own events. Input was
/// validated by the handlers before it gets here, so a missing required value is a programming error.
/// </summary>
public static class InvoiceEventMapping
{
    public static PaymentReceived Payment(PaymentRecord payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentReceived(payment.PaymentId, payment.Amount, payment.PaidAt);
    }

    public static InvoiceCredited Credit(CreditNote credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        return new InvoiceCredited(Required(credit.Amount, "credit.amount"), credit.CreditNoteNumber);
    }

    /// <summary>The stored amount and due date, so a repeated amendment sets the same values again.</summary>
    public static InvoiceAmended Amendment(InvoiceRecord invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceAmended(invoice.Invoice.Amount, invoice.Invoice.DueDate);
    }

    /// <summary>The stored opt-in, so a repeated change sets the same consent again.</summary>
    public static WhatsAppConsentChanged WhatsAppConsent(InvoiceRecord invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new WhatsAppConsentChanged(invoice.Invoice.Debtor.WhatsAppOptIn);
    }

    public static InvoiceEvent Dispute(DisputeChange dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return dispute.Action == DisputeChange.Open
            ? new DisputeOpened(dispute.Reason ?? throw new ArgumentException("An opened dispute needs a reason.", nameof(dispute)))
            : new DisputeResolved(CreditAmount: 0, dispute.Reason);
    }

    /// <summary>Raised on the workflow of every invoice the call task covers.</summary>
    public static CallOutcomeRecorded CallOutcome(CallTaskRecord task, CallOutcomeRequest outcome)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(outcome);
        var kind = outcome.Outcome?.Replace("-", string.Empty, StringComparison.Ordinal);
        if (!Enum.TryParse<CallOutcomeKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            throw new ArgumentException($"Unknown call outcome '{outcome.Outcome}'.", nameof(outcome));
        }

        return new CallOutcomeRecorded(task.Id, new Workflow.CallOutcome(
            parsed,
            outcome.PromisedDate,
            outcome.Instalments?.Select(instalment => new Instalment(Required(instalment.DueDate, "instalments.dueDate"), Required(instalment.Amount, "instalments.amount"))).ToList(),
            outcome.Reason,
            outcome.CallbackAt,
            outcome.Note));
    }

    public static ApprovalDecided Approval(ApprovalRecord approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var decision = approval.Decision switch
        {
            ApprovalDecisions.Approve => ApprovalDecision.Approve,
            ApprovalDecisions.Reject => ApprovalDecision.Reject,
            ApprovalDecisions.KeepInHouse => ApprovalDecision.KeepInHouse,
            _ => throw new ArgumentException($"Approval {approval.Id} is not decided.", nameof(approval)),
        };
        return new ApprovalDecided(approval.Id, decision, approval.DecidedBy);
    }

    public static DeliveryFailed Delivery(DeliveryFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new DeliveryFailed(failure.Channel, failure.Details ?? failure.ProviderStatus);
    }

    /// <summary>Whether a workflow instance id (e.g. an SMS tag) belongs to an invoice workflow.</summary>
    public static bool IsInvoiceWorkflow(string instanceId) =>
        instanceId.StartsWith(InvoiceWorkflow.InstanceIdFor(string.Empty), StringComparison.Ordinal);

    private static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new ArgumentException($"{field} is required.", field);
}
