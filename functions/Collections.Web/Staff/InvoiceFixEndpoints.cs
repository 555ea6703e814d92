using System.Globalization;
using System.Text;
using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>The invoice page's forms that unblock a workflow: new contact details and an amended amount or due date,
/// through the same handlers as <c>PATCH /api/invoices/{number}/contact</c> and <c>PATCH /api/invoices/{number}</c>,
/// so the workflow hears of them the same way (a workflow waiting for details continues; the next message states
/// the amended amount).</summary>
internal static class InvoiceFixEndpoints
{
    public static RouteGroupBuilder MapInvoiceFixes(this RouteGroupBuilder staff)
    {
        staff.MapPost("/invoices/{number}/contact", async (string number, HttpContext http, InvoiceQueries queries, UpdateContactDetailsHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            string? Value(string name) => form[name].ToString().Trim() is { Length: > 0 } value ? value : null;
            var change = new ContactDetailsChange(Value("email"), Value("phone"), Value("preferredChannel"), http.User.Identity?.Name);
            return await AfterAsync(http, number, queries, await handler.HandleAsync(number, change, http.RequestAborted), "contact");
        });

        staff.MapPost("/invoices/{number}/amend", async (string number, HttpContext http, InvoiceQueries queries, AmendInvoiceHandler handler) =>
        {
            var page = PageContext.For(http);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var amountText = form["amount"].ToString().Trim().Replace(',', '.');
            var dueText = form["dueDate"].ToString().Trim();
            decimal? amount = decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            DateOnly? due = DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            if ((amountText.Length > 0 && amount is null) || (dueText.Length > 0 && due is null))
            {
                return await InvoicePageEndpoints.RenderAsync(page, number, queries, notice: null, page.T["fix.amend.unreadable"]);
            }

            var outcome = await handler.HandleAsync(number, new InvoiceAmendment(amount, due, http.User.Identity?.Name), http.RequestAborted);
            return await AfterAsync(http, number, queries, outcome, "amend");
        });

        return staff;
    }

    /// <summary>The two forms, filled in with what is stored now.</summary>
    public static void AppendForms(StringBuilder html, PageContext page, Collections.Invoices.Invoice invoice)
    {
        var t = page.T;
        var action = "/staff/invoices/" + Uri.EscapeDataString(invoice.Number);
        var sms = invoice.Debtor.PreferredChannel == Collections.Invoices.Channel.Sms;
        html.Append("<section class=\"card\" aria-labelledby=\"fix\"><h2 id=\"fix\">").Append(Html.Encode(t["fix.title"])).Append("</h2>")
            .Append("<form method=\"post\" action=\"").Append(action).Append("/contact\">").Append(page.AntiforgeryField())
            .Append("<h3>").Append(Html.Encode(t["fix.contact"])).Append("</h3>")
            .Append("<label for=\"fix-email\">").Append(Html.Encode(t["work.debtor.email"])).Append("</label>")
            .Append("<input type=\"email\" id=\"fix-email\" name=\"email\" value=\"").Append(Html.Attribute(invoice.Debtor.Email)).Append("\">")
            .Append("<label for=\"fix-phone\">").Append(Html.Encode(t["calls.phone"])).Append("</label>")
            .Append("<input type=\"tel\" id=\"fix-phone\" name=\"phone\" value=\"").Append(Html.Attribute(invoice.Debtor.Phone)).Append("\">")
            .Append("<label for=\"fix-channel\">").Append(Html.Encode(t["work.debtor.channel"])).Append("</label><select id=\"fix-channel\" name=\"preferredChannel\">")
            .Append("<option value=\"email\"").Append(sms ? string.Empty : " selected").Append(">e-mail</option>")
            .Append("<option value=\"sms\"").Append(sms ? " selected" : string.Empty).Append(">sms</option></select>")
            .Append("<p><button type=\"submit\">").Append(Html.Encode(t["fix.contact.save"])).Append("</button></p></form>")
            .Append("<form method=\"post\" action=\"").Append(action).Append("/amend\">").Append(page.AntiforgeryField())
            .Append("<h3>").Append(Html.Encode(t["fix.amend"])).Append("</h3>")
            .Append("<label for=\"fix-amount\">").Append(Html.Encode(t["debtor.amount"])).Append("</label>")
            .Append("<input type=\"text\" inputmode=\"decimal\" id=\"fix-amount\" name=\"amount\" value=\"")
            .Append(invoice.Amount.ToString("0.00", CultureInfo.InvariantCulture)).Append("\">")
            .Append("<label for=\"fix-due\">").Append(Html.Encode(t["invoice.dueDate"])).Append("</label>")
            .Append("<input type=\"date\" id=\"fix-due\" name=\"dueDate\" value=\"").Append(invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
            .Append("<p><button type=\"submit\">").Append(Html.Encode(t["fix.amend.save"])).Append("</button></p></form></section>");
    }

    private static async Task<IResult> AfterAsync(HttpContext http, string number, InvoiceQueries queries, HandlerOutcome<InvoiceSummary> outcome, string action)
    {
        if (outcome.Succeeded)
        {
            return PageResult.SeeOther($"/staff/invoices/{Uri.EscapeDataString(number)}?done={action}");
        }

        var page = PageContext.For(http);
        var error = outcome.Kind == OutcomeKind.Invalid
            ? string.Join(" ", outcome.Errors!.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"))
            : outcome.Detail ?? page.T["fix.failed"];
        return await InvoicePageEndpoints.RenderAsync(page, number, queries, notice: null, error);
    }
}
