using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Collections.Privacy;

namespace Collections.Web.Privacy;

/// <summary>The subject access export as a page a person can read and print (the JSON is the complete, machine-readable copy).</summary>
internal static class DebtorExportPage
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    public static string Render(DebtorExport export)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Personal data of debtor ")
            .Append(Encode.Encode(export.DebtorId)).Append("</title></head><body>");
        html.Append("<h1>Personal data held about debtor ").Append(Encode.Encode(export.DebtorId)).Append("</h1>");
        html.Append("<p>Exported ").Append(Text(export.ExportedAt)).Append(" (GDPR art. 15).</p>");

        Table(html, "Invoices", ["Number", "Issued", "Due", "Amount", "Status", "Name", "Email", "Phone", "Language", "Customer reference"],
            export.Invoices.Select(record => new[]
            {
                record.Invoice.Number, Text(record.Invoice.IssueDate), Text(record.Invoice.DueDate),
                $"{record.Invoice.Currency} {Text(record.Invoice.Amount)}", record.Status, record.Invoice.Debtor.Name,
                record.Invoice.Debtor.Email, record.Invoice.Debtor.Phone, record.Invoice.Debtor.Language, record.Invoice.CustomerReference,
            }));
        Table(html, "Payments", ["Invoice", "Payment", "Amount", "Paid", "Source"],
            export.Payments.Select(payment => new[]
            {
                payment.InvoiceNumber, payment.PaymentId, $"{payment.Currency} {Text(payment.Amount)}", Text(payment.PaidAt), payment.Source,
            }));
        Table(html, "Contact log", ["When", "Invoice", "What", "Summary", "Channel", "Text", "Details"],
            export.ContactLog.Select(entry => new[]
            {
                Text(entry.At), entry.InvoiceNumber, entry.Kind, entry.Summary, entry.Channel?.ToString(), entry.Text, entry.DataJson,
            }));
        Table(html, "Call tasks", ["Task", "Invoices", "Script", "Raised", "Status", "Outcome"],
            export.CallTasks.Select(task => new[]
            {
                task.Id, string.Join(", ", task.InvoiceNumbers), task.Script, Text(task.CreatedAt), task.Status, task.Outcome,
            }));
        Table(html, "Messages in the outbox", ["Stored", "Channel", "To", "Subject", "Text"],
            export.Outbox.Select(message => new[]
            {
                Text(message.StoredAt), message.Message.Channel.ToString(), message.Message.To, message.Message.Subject, message.Message.Text,
            }));
        Table(html, "Workflows", ["Invoice", "Status", "Stage", "Outcome"],
            export.Workflows.Select(workflow => new[]
            {
                workflow.InvoiceNumber, workflow.View.RuntimeStatus, workflow.View.Stage, workflow.View.Outcome,
            }));
        return html.Append("</body></html>").ToString();
    }

    private static void Table(StringBuilder html, string title, string[] headers, IEnumerable<string?[]> rows)
    {
        html.Append("<h2>").Append(Encode.Encode(title)).Append("</h2><table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(Encode.Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode.Encode(cell ?? string.Empty)).Append("</td>");
            }

            html.Append("</tr>");
        }

        if (!any)
        {
            html.Append("<tr><td colspan=\"").Append(headers.Length).Append("\">None.</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
