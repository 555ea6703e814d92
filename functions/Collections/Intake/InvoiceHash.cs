using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Collections.Invoices;

namespace Collections.Intake;

/// <summary>
/// An idempotency key for a posted invoice: SHA-256 (lowercase hex) of a canonical JSON form of the
/// validated <see cref="Invoice"/>. Canonical means fixed property order, no whitespace, normalised
/// values (dates yyyy-MM-dd, amount with exactly two decimals, phone in E.164, enums in lower case),
/// so the same invoice gives the same hash whatever the order, spacing or number format of the body.
/// </summary>
public static class InvoiceHash
{
    public static string Compute(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Convert.ToHexStringLower(SHA256.HashData(CanonicalJson(invoice)));
    }

    public static byte[] CanonicalJson(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("number", invoice.Number);
            json.WriteString("issueDate", Date(invoice.IssueDate));
            json.WriteString("dueDate", Date(invoice.DueDate));
            json.WritePropertyName("amount");
            json.WriteRawValue(invoice.Amount.ToString("0.00", CultureInfo.InvariantCulture));
            json.WriteString("currency", invoice.Currency);
            json.WriteString("customerReference", invoice.CustomerReference);
            json.WriteString("source", invoice.Source);
            WriteDebtor(json, invoice.Debtor);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteDebtor(Utf8JsonWriter json, Debtor debtor)
    {
        json.WriteStartObject("debtor");
        json.WriteString("id", debtor.Id);
        json.WriteString("name", debtor.Name);
        json.WriteString("kind", debtor.Kind.ToString().ToLowerInvariant());
        json.WriteString("email", debtor.Email);
        json.WriteString("phone", debtor.Phone);
        json.WriteString("preferredChannel", debtor.PreferredChannel.ToString().ToLowerInvariant());
        json.WriteString("language", debtor.Language);
        if (debtor.History is { } history)
        {
            json.WriteStartObject("history");
            json.WriteNumber("invoicesPaidLate", history.InvoicesPaidLate);
            json.WriteNumber("invoicesPaidOnTime", history.InvoicesPaidOnTime);
            json.WriteNumber("averageDaysLate", history.AverageDaysLate);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("history");
        }

        json.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
