using System.Text;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary><c>/staff/invoices</c>: the search form (works without script: a GET form) and one page of results,
/// with a link to the next page (keyset paging: the link carries the store's continuation token).</summary>
internal static class InvoiceListPage
{
    public static IResult Render(PageContext page, InvoiceSearch search, InvoiceSearchPage? found, string? error)
    {
        var t = page.T;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t["work.list.title"])).Append("</h1>");
        if (error is not null)
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p>").Append(Html.Encode(error)).Append("</p></div>");
        }

        Form(html, t, search);
        if (found is not null)
        {
            Results(html, t, search, found);
        }

        return Html.Page(page, t["work.list.title"], html.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, staffNavigation: true);
    }

    private static void Form(StringBuilder html, Texts t, InvoiceSearch search)
    {
        html.Append("<form method=\"get\" action=\"/staff/invoices\" class=\"card\" role=\"search\">")
            .Append("<label for=\"q\">").Append(Html.Encode(t["work.list.q"])).Append("</label>")
            .Append("<input type=\"search\" id=\"q\" name=\"q\" value=\"").Append(Html.Attribute(search.Text)).Append("\">");
        Select(html, t, "status", t["invoice.status"], search.Status,
            [(string.Empty, t["work.list.any"]), .. InvoiceListForm.Statuses.Select(status => (status, t[$"status.{status}"]))]);
        html.Append("<label for=\"overdue\">").Append(Html.Encode(t["work.list.overdue"])).Append("</label>")
            .Append("<input type=\"number\" min=\"0\" id=\"overdue\" name=\"overdue\" value=\"").Append(search.MinDaysOverdue).Append("\">");
        Select(html, t, "paused", t["invoice.paused"], YesNo(search.Paused), [(string.Empty, t["work.list.any"]), ("yes", t["work.yes"]), ("no", t["work.no"])]);
        Select(html, t, "disputed", t["work.list.disputed"], YesNo(search.Disputed), [(string.Empty, t["work.list.any"]), ("yes", t["work.yes"]), ("no", t["work.no"])]);
        var sort = search.Sort switch { InvoiceSort.OpenBalance => "balance", InvoiceSort.Number => "number", _ => "due" };
        Select(html, t, "sort", t["work.list.sort"], sort, [("due", t["invoice.dueDate"]), ("balance", t["calls.open"]), ("number", t["debtor.number"])]);
        Select(html, t, "order", t["work.list.order"], search.Descending ? "desc" : "asc", [("asc", t["work.list.asc"]), ("desc", t["work.list.desc"])]);
        html.Append("<p><button type=\"submit\">").Append(Html.Encode(t["work.list.search"])).Append("</button></p></form>");
    }

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static void Select(StringBuilder html, Texts t, string name, string label, string? selected, IReadOnlyList<(string Value, string Text)> options)
    {
        html.Append("<label for=\"").Append(name).Append("\">").Append(Html.Encode(label)).Append("</label><select id=\"").Append(name).Append("\" name=\"").Append(name).Append("\">");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(Html.Attribute(value)).Append('"').Append(value == (selected ?? string.Empty) ? " selected" : string.Empty)
                .Append('>').Append(Html.Encode(text)).Append("</option>");
        }

        html.Append("</select>");
    }

    private static void Results(StringBuilder html, Texts t, InvoiceSearch search, InvoiceSearchPage found)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"results\"><h2 id=\"results\">").Append(Html.Encode(t["work.list.results"])).Append("</h2>");
        if (found.Items.Count == 0)
        {
            html.Append("<p>").Append(Html.Encode(t["work.list.none"])).Append("</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">").Append(Html.Encode(t["debtor.number"])).Append("</th><th scope=\"col\">")
            .Append(Html.Encode(t["work.debtor"])).Append("</th><th scope=\"col\">").Append(Html.Encode(t["invoice.dueDate"]))
            .Append("</th><th scope=\"col\" class=\"num\">").Append(Html.Encode(t["calls.open"])).Append("</th><th scope=\"col\">")
            .Append(Html.Encode(t["invoice.status"])).Append("</th></tr></thead><tbody>");
        foreach (var record in found.Items)
        {
            var invoice = record.Invoice;
            var overdue = search.Today.DayNumber - invoice.DueDate.DayNumber;
            html.Append("<tr><td><a href=\"/staff/invoices/").Append(Uri.EscapeDataString(invoice.Number)).Append("\">").Append(Html.Encode(invoice.Number)).Append("</a></td>")
                .Append("<td><a href=\"/staff/debtors/").Append(Uri.EscapeDataString(invoice.Debtor.Id)).Append("\">").Append(Html.Encode(invoice.Debtor.Name)).Append("</a></td>")
                .Append("<td>").Append(Html.Encode(t.Date(invoice.DueDate)));
            if (record.Status == "open" && overdue > 0)
            {
                html.Append(" <span class=\"muted\">(").Append(Html.Encode(t.Format("work.list.daysOverdue", overdue))).Append(")</span>");
            }

            html.Append("</td><td class=\"num\">").Append(Html.Encode(t.Money(record.OpenBalance, invoice.Currency))).Append("</td><td>")
                .Append(Html.Encode(t[$"status.{record.Status}"]))
                .Append(record.Paused is null ? string.Empty : " · " + Html.Encode(t["work.list.pausedMark"]))
                .Append(record.Disputed ? " · " + Html.Encode(t["work.list.disputedMark"]) : string.Empty)
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (found.Next is not null)
        {
            html.Append("<p><a rel=\"next\" href=\"").Append(Html.Attribute(Link(search with { After = found.Next }))).Append("\">").Append(Html.Encode(t["work.list.next"])).Append("</a></p>");
        }

        if (search.After is not null)
        {
            html.Append("<p><a href=\"").Append(Html.Attribute(Link(search with { After = null }))).Append("\">").Append(Html.Encode(t["work.list.first"])).Append("</a></p>");
        }

        html.Append("</section>");
    }

    private static string Link(InvoiceSearch search)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", search.Text);
        Add("status", search.Status);
        Add("overdue", search.MinDaysOverdue?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("paused", YesNo(search.Paused));
        Add("disputed", YesNo(search.Disputed));
        Add("sort", search.Sort switch { InvoiceSort.OpenBalance => "balance", InvoiceSort.Number => "number", _ => "due" });
        Add("order", search.Descending ? "desc" : null);
        Add("after", search.After);
        return "/staff/invoices?" + string.Join("&", parts);
    }
}
