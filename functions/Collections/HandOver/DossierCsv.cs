using System.Globalization;
using CsvHelper;

namespace Collections.HandOver;

/// <summary>The dossier as CSV for the agency's import, the same facts as the JSON: the claim as one row, the contact
/// log as one row per line. RFC 4180 (comma, quotes where needed, CRLF), UTF-8 without BOM, invariant numbers (1250.00),
/// ISO dates and times with their offset, so an import needs no locale guessing.</summary>
public static class DossierCsv
{
    private static readonly string[] ClaimHeader =
    [
        "invoiceNumber", "issueDate", "dueDate", "customerReference", "currency",
        "invoiceAmount", "paid", "principal", "costs", "interest", "total",
        "debtorId", "debtorName", "debtorKind", "debtorContactName", "debtorEmail", "debtorPhone", "debtorLanguage",
        "creditorName", "creditorStreet", "creditorPostalCode", "creditorCity", "creditorChamberOfCommerceNumber",
        "creditorIban", "creditorContactName", "creditorEmail", "creditorPhone",
        "finalNoticeSentOn", "finalNoticeDeadline", "finalNoticeChannel", "finalNoticeSentTo",
        "agency", "handedOverOn",
    ];

    private static readonly string[] ContactsHeader = ["invoiceNumber", "at", "kind", "channel", "summary"];

    public static byte[] Claim(HandOverDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var (invoice, debtor, creditor, amounts, notice) = (dossier.Invoice, dossier.Debtor, dossier.Creditor, dossier.Amounts, dossier.FinalNotice);
        return Write(ClaimHeader, [[
            invoice.Number, Date(invoice.IssueDate), Date(invoice.DueDate), invoice.CustomerReference, amounts.Currency,
            Amount(amounts.InvoiceAmount), Amount(amounts.Paid), Amount(amounts.Principal), Amount(amounts.Costs), Amount(amounts.Interest), Amount(amounts.Total),
            debtor.Id, debtor.Name, debtor.Kind == Invoices.DebtorKind.Consumer ? "consumer" : "business", debtor.ContactName, debtor.Email, debtor.Phone, debtor.Language,
            creditor.Name, creditor.Address.Street, creditor.Address.PostalCode, creditor.Address.City, creditor.ChamberOfCommerceNumber,
            creditor.Iban, creditor.BillingContactName, creditor.BillingEmail, creditor.BillingPhone,
            notice is null ? null : Date(notice.SentOn), notice?.Deadline is { } deadline ? Date(deadline) : null, notice?.Channel, notice?.SentTo,
            dossier.Agency, Date(dossier.HandedOverOn),
        ]]);
    }

    public static byte[] Contacts(HandOverDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return Write(ContactsHeader, dossier.Contacts.Select(contact => new[]
        {
            dossier.Invoice.Number, contact.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), contact.Kind, contact.Channel, contact.Summary,
        }));
    }

    private static byte[] Write(string[] header, IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row!);
            }
        }

        return stream.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
