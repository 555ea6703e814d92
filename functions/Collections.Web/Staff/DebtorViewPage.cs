using System.Text;
using Collections.Contacts;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary><c>/staff/debtors/{debtorId}</c>: one debtor's contact details (as on their latest invoice), all their
/// invoices, the promises they made and every staff task and call task about them.</summary>
internal static class DebtorViewPage
{
    public static IResult Render(
        PageContext page, IReadOnlyList<InvoiceRecord> invoices, IReadOnlyList<ContactLogEntry> contacts,
        IReadOnlyList<StaffTaskRecord> tasks, IReadOnlyList<CallTaskRecord> calls)
    {
        var t = page.T;
        var debtor = invoices.OrderBy(invoice => invoice.ReceivedAt).Last().Invoice.Debtor;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(debtor.Name)).Append("</h1>")
            .Append("<section class=\"card\" aria-labelledby=\"contact\"><h2 id=\"contact\">").Append(Html.Encode(t["invoice.debtorContact"])).Append("</h2><dl class=\"facts\">");
        void Row(string label, string? value) => html.Append("<dt>").Append(Html.Encode(label)).Append("</dt><dd>").Append(Html.Encode(string.IsNullOrEmpty(value) ? "—" : value)).Append("</dd>");
        Row(t["work.debtor.id"], debtor.Id);
        Row(t["work.debtor.email"], debtor.Email);
        Row(t["calls.phone"], debtor.Phone is { } phone ? PhoneNumberNormalizer.ForDisplay(phone) : null);
        Row(t["work.debtor.channel"], debtor.PreferredChannel.ToString().ToLowerInvariant());
        html.Append("</dl></section>");

        html.Append("<section class=\"card\" aria-labelledby=\"invoices\"><h2 id=\"invoices\">").Append(Html.Encode(t.Format("work.debtor.invoices", invoices.Count))).Append("</h2><table><thead><tr><th scope=\"col\">")
            .Append(Html.Encode(t["debtor.number"])).Append("</th><th scope=\"col\">").Append(Html.Encode(t["invoice.dueDate"])).Append("</th><th scope=\"col\" class=\"num\">")
            .Append(Html.Encode(t["calls.open"])).Append("</th><th scope=\"col\">").Append(Html.Encode(t["invoice.status"])).Append("</th></tr></thead><tbody>");
        foreach (var record in invoices)
        {
            html.Append("<tr><td><a href=\"/staff/invoices/").Append(Uri.EscapeDataString(record.Invoice.Number)).Append("\">").Append(Html.Encode(record.Invoice.Number)).Append("</a></td><td>")
                .Append(Html.Encode(t.Date(record.Invoice.DueDate))).Append("</td><td class=\"num\">").Append(Html.Encode(t.Money(record.OpenBalance, record.Invoice.Currency)))
                .Append("</td><td>").Append(Html.Encode(t[$"status.{record.Status}"])).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");

        var promises = contacts.Where(CallListItem.IsAboutPromise).ToList();
        html.Append("<section class=\"card\" aria-labelledby=\"promises\"><h2 id=\"promises\">").Append(Html.Encode(t["work.debtor.promises"])).Append("</h2>");
        List(html, t, promises.Select(entry => $"{t.Moment(entry.At)} · {entry.InvoiceNumber}: {entry.Summary}"));
        html.Append("</section><section class=\"card\" aria-labelledby=\"tasks\"><h2 id=\"tasks\">").Append(Html.Encode(t["work.debtor.tasks"])).Append("</h2>");
        List(html, t, tasks.Select(task =>
            $"{t.Moment(task.CreatedAt)} · {t[$"work.kind.{task.Kind}"]} · {task.InvoiceNumber}: {task.Summary} — "
            + (task.Status == StaffTaskStatus.Open ? t["work.debtor.taskOpen"] : t.Format("work.debtor.taskClosed", task.ClosedBy, task.ClosingNote)))
            .Concat(calls.Select(call => $"{t.Moment(call.CreatedAt)} · {t.Format("work.tasks.call", t.Moment(call.DueBy))} · {string.Join(", ", call.InvoiceNumbers)} — {call.Status}")));
        html.Append("<p><a href=\"/staff/tasks\">").Append(Html.Encode(t["work.tasks.title"])).Append("</a></p></section>");
        return Html.Page(page, debtor.Name, html.ToString(), staffNavigation: true);
    }

    private static void List(StringBuilder html, Texts t, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(Html.Encode(t["work.none"])).Append("</p>");
            return;
        }

        html.Append("<ul>");
        foreach (var line in items)
        {
            html.Append("<li>").Append(Html.Encode(line)).Append("</li>");
        }

        html.Append("</ul>");
    }
}
