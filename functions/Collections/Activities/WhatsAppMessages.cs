using Collections.Messages;
using Collections.Messaging;
using Collections.Policy;
using Collections.Storage;

namespace Collections.Activities;

/// <summary>How a message goes out by WhatsApp: free text within the window after the debtor last wrote to us,
/// otherwise the kind's approved template with its parameters filled from the message model.</summary>
internal static class WhatsAppMessages
{
    /// <summary>The store key under which a debtor's WhatsApp number maps to the debtor id, so a reply can be routed.</summary>
    public static string DebtorKey(string phone) => "whatsapp-debtor:" + new string([.. phone.Where(char.IsAsciiDigit)]);

    public static bool InFreeTextWindow(IEnumerable<ContactLogEntry> debtorContacts, DateTimeOffset now, TimeSpan window) =>
        debtorContacts.Any(entry => entry.Kind == ContactKinds.DebtorWrote && entry.Channel == Invoices.Channel.WhatsApp
            && entry.At <= now && now - entry.At < window);

    public static TemplateMessage Template(WhatsAppTemplatePolicy template, ReminderMessageModel model, string language)
    {
        var values = template.Parameters.Select(parameter => Value(parameter, model, language)).ToList();
        return new TemplateMessage(template.Name, template.Language, values, WhatsAppPolicy.Fill(template.Body, values));
    }

    private static string Value(WhatsAppParameter parameter, ReminderMessageModel model, string language) => parameter switch
    {
        WhatsAppParameter.DebtorName => model.Debtor.SalutationName,
        WhatsAppParameter.InvoiceNumbers => string.Join(", ", model.Invoices.Select(invoice => invoice.Number)),
        WhatsAppParameter.TotalDue => MessageFormat.Money(model.TotalDue, model.Currency, language),
        WhatsAppParameter.Deadline => model.NewDeadline is { } deadline ? MessageFormat.LongDate(deadline, language) : throw new ArgumentException("The message has no deadline for the template's deadline parameter."),
        WhatsAppParameter.PaymentReference => model.PaymentReference,
        WhatsAppParameter.PaymentLink => model.PaymentLink.ToString(),
        WhatsAppParameter.DebtorPageLink => model.DebtorPageLink.ToString(),
        WhatsAppParameter.CreditorName => model.Creditor.Name,
        WhatsAppParameter.BillingPhone => model.Creditor.BillingPhone,
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Unknown WhatsApp template parameter."),
    };
}
