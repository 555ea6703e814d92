using System.Globalization;
using Collections.Contacts;
using Collections.Messages;

namespace Collections.HandOver;

/// <summary>R11: the debtor is told, politely and only what is true, that the claim is now with the named agency
/// and whom to contact from now on.</summary>
public static class HandOverNotice
{
    public static (string Subject, string Text) Render(string language, string debtorName, string invoiceNumber, CreditorProfile creditor, string agency, string agencyEmail, string? agencyPhone)
    {
        ArgumentNullException.ThrowIfNull(creditor);
        var phone = agencyPhone is null ? "" : (MessageLanguage.Resolve(language) == MessageLanguage.English ? " or by phone on " : " of telefonisch via ") + PhoneNumberNormalizer.ForDisplay(agencyPhone);
        return MessageLanguage.Resolve(language) == MessageLanguage.English
            ? ($"Invoice {invoiceNumber} handed over to {agency}",
               string.Create(CultureInfo.InvariantCulture, $"""
                Dear {debtorName},

                Invoice {invoiceNumber} has remained unpaid despite our reminders. We have therefore handed the claim over to {agency}, which now handles it on our behalf.

                From now on, please contact {agency} about this invoice: by email at {agencyEmail}{phone}. Payments and arrangements for this invoice are made with them.

                Kind regards,
                {creditor.BillingContactName}
                {creditor.Name}
                """))
            : ($"Factuur {invoiceNumber} overgedragen aan {agency}",
               $"""
                Geachte {debtorName},

                Factuur {invoiceNumber} is ondanks onze herinneringen niet betaald. Wij hebben de vordering daarom overgedragen aan {agency}, dat deze nu namens ons behandelt.

                Neemt u voor deze factuur voortaan contact op met {agency}: per e-mail via {agencyEmail}{phone}. Betalingen en afspraken over deze factuur lopen vanaf nu via hen.

                Met vriendelijke groet,
                {creditor.BillingContactName}
                {creditor.Name}
                """);
    }
}
