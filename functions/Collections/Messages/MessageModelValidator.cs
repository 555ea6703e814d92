namespace Collections.Messages;

/// <summary>Checks that a model carries what a kind of message needs, so no message goes out with a
/// field missing (R9) or with a final notice that would forfeit the collection costs (LAW.md).
/// Throws <see cref="ArgumentException"/> naming the field.</summary>
public static class MessageModelValidator
{
    /// <summary>Earliest end of the statutory term: the 14 days start the day after receipt, and an
    /// email may be received the day it is sent (art. 6:96 lid 6 BW; HR 25-11-2016, ECLI:NL:HR:2016:2704).</summary>
    public const int MinimumFinalNoticeDays = 15;

    public static void Validate(MessageKind kind, ReminderMessageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Require(model.Creditor is not null, "Creditor", "is required");
        Require(!string.IsNullOrWhiteSpace(model.Creditor!.Name), "Creditor.Name", "is required");
        Require(!string.IsNullOrWhiteSpace(model.Creditor.BillingContactName), "Creditor.BillingContactName", "is required");
        Require(!string.IsNullOrWhiteSpace(model.Creditor.BillingPhone), "Creditor.BillingPhone", "is required");
        Require(!string.IsNullOrWhiteSpace(model.Creditor.BillingEmail), "Creditor.BillingEmail", "is required");
        Require(model.Debtor is not null && !string.IsNullOrWhiteSpace(model.Debtor.Name), "Debtor.Name", "is required");
        Require(model.Invoices is { Count: > 0 }, "Invoices", "must list at least one invoice");
        Require(model.Invoices.All(invoice => !string.IsNullOrWhiteSpace(invoice.Number)), "Invoices.Number", "is required on every invoice");
        Require(!string.IsNullOrWhiteSpace(model.PaymentReference), "PaymentReference", "is required");

        switch (kind)
        {
            case MessageKind.Reminder:
            case MessageKind.PromiseReminder:
                RequireDeadline(model);
                Require(kind != MessageKind.PromiseReminder || model.Promise is not null, "Promise", "is required for a promise-reminder");
                break;
            case MessageKind.FinalNotice:
                ValidateFinalNotice(model);
                break;
            case MessageKind.InstalmentReminder:
                RequireDeadline(model);
                Require(model.PaymentPlan is not null, "PaymentPlan", "is required for an instalment-reminder");
                Require(model.PaymentPlan!.Missed.Count > 0, "PaymentPlan.Instalments", "must contain a missed instalment for an instalment-reminder");
                break;
            case MessageKind.PaymentPlanConfirmation:
                Require(model.PaymentPlan is { Instalments.Count: > 0 }, "PaymentPlan", "with at least one instalment is required for a payment-plan-confirmation");
                break;
            case MessageKind.PaymentReceived:
                Require(model.Payment is not null, "Payment", "is required for a payment-received message");
                break;
            case MessageKind.ApprovalRequest:
                Require(model.Approval is not null, "Approval", "is required for an approval-request");
                break;
            case MessageKind.PreDueNudge:
            case MessageKind.DebtCounsellingReferral:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown message kind.");
        }
    }

    private static void ValidateFinalNotice(ReminderMessageModel model)
    {
        RequireDeadline(model);
        Require(model.FinalNotice is not null, "FinalNotice", "is required for a final-notice");
        if (model.FinalNotice!.IsConsumer)
        {
            Require(
                model.Invoices.All(invoice => invoice.AnnouncedCosts > 0),
                "Invoices.AnnouncedCosts",
                "must state the exact collection costs of every invoice in a consumer final notice");
            Require(
                model.NewDeadline >= model.MessageDate.AddDays(MinimumFinalNoticeDays),
                "NewDeadline",
                $"must be at least {MinimumFinalNoticeDays} days after the message date in a consumer final notice (fourteen days from the day after receipt)");
        }
    }

    private static void RequireDeadline(ReminderMessageModel model) =>
        Require(model.NewDeadline is not null && model.NewDeadline >= model.MessageDate, "NewDeadline", "is required and may not lie before the message date");

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field} {problem}.", field);
        }
    }
}
