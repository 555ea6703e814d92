using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Collections.Intake;

/// <summary>
/// An accounting system's CSV export as intake requests: RFC 4180, a header row naming the columns, one invoice per
/// row. Columns are the JSON fields of <c>POST /api/invoices</c>, debtor fields flattened (<c>debtorId</c>,
/// <c>debtorPhone</c>, …); empty cells and absent columns are left out, so the validator reports what is missing
/// under the same field names as for JSON. An amount that is not an invariant number stays text and is refused.
/// </summary>
public static class InvoiceCsv
{
    private static readonly string[] InvoiceColumns = ["number", "issueDate", "dueDate", "currency", "customerReference", "source"];

    private static readonly (string Column, string Field)[] DebtorColumns =
    [
        ("debtorId", "id"), ("debtorName", "name"), ("debtorKind", "kind"), ("debtorContactName", "contactName"),
        ("debtorEmail", "email"), ("debtorPhone", "phone"), ("debtorPreferredChannel", "preferredChannel"), ("debtorLanguage", "language"),
    ];

    /// <summary>Each data row as the invoice JSON the single submit takes, in file order.</summary>
    public static IReadOnlyList<string> ReadInvoices(byte[] content)
    {
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default);
        var invoices = new List<string>();
        while (csv.Read())
        {
            var columns = csv.Headers.ToHashSet(StringComparer.Ordinal);
            string? Cell(string column) =>
                columns.Contains(column) && csv.GetString(column) is { Length: > 0 } text ? text.Trim() : null;

            var invoice = new JsonObject();
            foreach (var column in InvoiceColumns)
            {
                if (Cell(column) is { } value)
                {
                    invoice[column] = value;
                }
            }

            if (Cell("amount") is { } amount)
            {
                invoice["amount"] = decimal.TryParse(amount, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(amount);
            }

            var debtor = new JsonObject();
            foreach (var (column, field) in DebtorColumns)
            {
                if (Cell(column) is { } value)
                {
                    debtor[field] = value;
                }
            }

            invoice["debtor"] = debtor;
            invoices.Add(invoice.ToJsonString());
        }

        return invoices;
    }
}
