using Collections.Messages;
using P = Collections.Policy.WhatsAppParameter;

namespace Collections.Policy;

/// <summary>The templates a company submits for approval to use WhatsApp as shipped (docs/whatsapp.md lists them).
/// Each only states facts that hold whenever it is used: an open amount "according to our records", a date to
/// pay by, how to pay; never a number of earlier reminders (R4), costs or hand-over (R5: those are for the final
/// notice, which never goes by WhatsApp).</summary>
internal static class WhatsAppDefaultTemplates
{
    private static readonly IReadOnlyList<P> Reminder =
        [P.DebtorName, P.InvoiceNumbers, P.TotalDue, P.Deadline, P.PaymentLink, P.PaymentReference, P.DebtorPageLink, P.CreditorName, P.BillingPhone];

    public static readonly IReadOnlyList<WhatsAppTemplatePolicy> All =
    [
        new(MessageKind.PreDueNudge, null, "collections_pre_due_nudge", "nl",
            "Beste {{1}}, een vriendelijke herinnering: factuur {{2}} van {{3}} vervalt op {{4}}. Betalen kan via {{5}} of per overboeking o.v.v. {{6}}. Alle gegevens: {{7}}. Met vriendelijke groet, {{8}} ({{9}})", Reminder),
        new(MessageKind.PreDueNudge, null, "collections_pre_due_nudge", "en",
            "Dear {{1}}, a friendly note: invoice {{2}} of {{3}} is due on {{4}}. You can pay at {{5}} or by bank transfer quoting {{6}}. All details: {{7}}. Kind regards, {{8}} ({{9}})", Reminder),
        new(MessageKind.Reminder, Tone.Friendly, "collections_reminder_friendly", "nl",
            "Beste {{1}}, volgens onze administratie staat voor factuur {{2}} nog {{3}} open. Misschien is het u ontgaan; wilt u het uiterlijk {{4}} betalen? Dat kan via {{5}} of per overboeking o.v.v. {{6}}. Alle gegevens, of een vraag of probleem melden: {{7}}. Met vriendelijke groet, {{8}} ({{9}})", Reminder),
        new(MessageKind.Reminder, Tone.Friendly, "collections_reminder_friendly", "en",
            "Dear {{1}}, according to our records {{3}} is still open on invoice {{2}}. Perhaps it slipped through; could you pay it by {{4}}? You can pay at {{5}} or by bank transfer quoting {{6}}. All details, or to ask a question or report a problem: {{7}}. Kind regards, {{8}} ({{9}})", Reminder),
        new(MessageKind.Reminder, Tone.Businesslike, "collections_reminder_businesslike", "nl",
            "Beste {{1}}, voor factuur {{2}} staat nog {{3}} open. Wij vragen u dit uiterlijk {{4}} te betalen via {{5}} of per overboeking o.v.v. {{6}}. Alle gegevens en een betalingsregeling voorstellen: {{7}}. Met vriendelijke groet, {{8}} ({{9}})", Reminder),
        new(MessageKind.Reminder, Tone.Businesslike, "collections_reminder_businesslike", "en",
            "Dear {{1}}, {{3}} is still open on invoice {{2}}. We ask you to pay it by {{4}} at {{5}} or by bank transfer quoting {{6}}. All details, or to propose a payment plan: {{7}}. Kind regards, {{8}} ({{9}})", Reminder),
        new(MessageKind.PromiseReminder, null, "collections_promise_reminder", "nl",
            "Beste {{1}}, u had toegezegd factuur {{2}} te betalen; volgens onze administratie staat nog {{3}} open. Wilt u het uiterlijk {{4}} betalen via {{5}} of per overboeking o.v.v. {{6}}? Alle gegevens: {{7}}. Met vriendelijke groet, {{8}} ({{9}})", Reminder),
        new(MessageKind.PromiseReminder, null, "collections_promise_reminder", "en",
            "Dear {{1}}, you agreed to pay invoice {{2}}; according to our records {{3}} is still open. Could you pay it by {{4}} at {{5}} or by bank transfer quoting {{6}}? All details: {{7}}. Kind regards, {{8}} ({{9}})", Reminder),
    ];
}
