using System.Text;
using Collections.Contacts;
using Collections.Handlers.Invoices;
using Collections.Invoices;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>One invoice for staff: where the workflow stands and what it waits for until when, the full
/// timeline (every message with its text, calls and outcomes, payments, costs) and the staff actions.</summary>
internal static class InvoicePage
{
    public static IResult Render(PageContext page, InvoiceView view, string? notice, string? error = null)
    {
        var t = page.T;
        var invoice = view.Invoice;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t.Format("invoice.title", invoice.Number, invoice.Debtor.Name))).Append("</h1>")
            .Append("<p><a href=\"/staff/debtors/").Append(Uri.EscapeDataString(invoice.Debtor.Id)).Append("\">").Append(Html.Encode(t["fix.debtorLink"])).Append("</a></p>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.Encode(notice)).Append("</p>");
        }

        if (error is not null)
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p>").Append(Html.Encode(error)).Append("</p></div>");
        }

        html.Append("<section class=\"card\" aria-labelledby=\"state\"><h2 id=\"state\">").Append(Html.Encode(t["invoice.state"])).Append("</h2><dl class=\"facts\">");
        void Row(string key, string value) => html.Append("<dt>").Append(Html.Encode(t[key])).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>");
        Row("invoice.status", t[$"status.{view.Status}"]);
        Row("debtor.openBalance", view.Credit > 0 ? t.Format("invoice.credit", t.Money(view.Credit, invoice.Currency)) : t.Money(view.OpenBalance, invoice.Currency));
        Row("debtor.amount", t.Money(invoice.Amount, invoice.Currency));
        Row("debtor.issueDate", t.Date(invoice.IssueDate));
        Row("invoice.dueDate", t.Date(invoice.DueDate));
        Row("invoice.debtorContact", string.Join(", ", new[] { invoice.Debtor.Email, invoice.Debtor.Phone is { } phone ? PhoneNumberNormalizer.ForDisplay(phone) : null }.Where(part => !string.IsNullOrEmpty(part))));
        if (view.Status == InvoiceStatus.Open)
        {
            Row("invoice.paused", view.Paused is { } pause
                ? pause.Reason is null
                    ? t.Format("invoice.pausedSince", t.Moment(pause.Since), pause.By ?? "—")
                    : t.Format("invoice.pausedReason", t.Moment(pause.Since), pause.By ?? "—", pause.Reason)
                : t["invoice.notPaused"]);
        }

        if (view.Workflow is { } workflow)
        {
            Row("invoice.stage", workflow.Stage is { } stage ? t.Stage(stage) : workflow.RuntimeStatus);
            Row("invoice.waitingFor", workflow.WaitingFor.Count == 0 ? "—" : string.Join(", ", workflow.WaitingFor.Select(t.Awaited)));
            if (workflow.NextStep is { } next)
            {
                Row("invoice.nextStep", workflow.NextStepAt is { } at ? t.Format("invoice.nextStepAt", next, t.Moment(at)) : next);
            }

            if (workflow.Outcome is { } outcome)
            {
                Row("invoice.outcome", t.Result(outcome));
            }
        }
        else
        {
            Row("invoice.stage", t["invoice.noWorkflow"]);
        }

        html.Append("</dl></section>");
        Timeline(html, t, view);
        if (view.Status == InvoiceStatus.Open)
        {
            Actions(html, page, invoice.Number, paused: view.Paused is not null);
            InvoiceFixEndpoints.AppendForms(html, page, invoice);
        }

        PersonalData(html, page, invoice);

        return Html.Page(page, t.Format("invoice.title", invoice.Number, invoice.Debtor.Name), html.ToString(),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, staffNavigation: true);
    }

    private static void Timeline(StringBuilder html, Texts t, InvoiceView view)
    {
        var entries = view.Timeline
            .Select(entry => (entry.At, Title: TimelineText.Title(t, entry), Summary: TimelineText.Summary(t, entry), entry.Text))
            .Concat(view.Payments.Select(payment => (At: payment.PaidAt, Title: $"{t.Moment(payment.PaidAt)} · {t["kind.payment"]} · {payment.Source}",
                Summary: t.Format("invoice.payment", t.Money(payment.Amount, payment.Currency), payment.PaymentId), Text: (string?)null)))
            .OrderBy(entry => entry.At)
            .ToList();
        html.Append("<section class=\"card\" aria-labelledby=\"timeline\"><h2 id=\"timeline\">").Append(Html.Encode(t.Format("invoice.timeline", entries.Count))).Append("</h2>");
        if (entries.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(Html.Encode(t["calls.history.none"])).Append("</p>");
        }
        else
        {
            html.Append("<ol class=\"timeline\">");
            foreach (var entry in entries)
            {
                html.Append("<li><strong>").Append(Html.Encode(entry.Title)).Append("</strong><br>").Append(Html.Encode(entry.Summary));
                if (entry.Text is { Length: > 0 } text)
                {
                    html.Append("<pre>").Append(Html.Encode(text)).Append("</pre>");
                }

                html.Append("</li>");
            }

            html.Append("</ol>");
        }

        html.Append("</section>");
    }

    /// <summary>Subject access and erasure for the invoice's debtor (docs/privacy.md); erasure is refused, with the reason, while an invoice is open.</summary>
    private static void PersonalData(StringBuilder html, PageContext page, Invoice invoice)
    {
        var t = page.T;
        var export = "/staff/debtors/" + Uri.EscapeDataString(invoice.Debtor.Id) + "/personal-data";
        html.Append("<section class=\"card\" aria-labelledby=\"personal-data\"><h2 id=\"personal-data\">").Append(Html.Encode(t["invoice.personalData"])).Append("</h2>")
            .Append("<p><a href=\"").Append(export).Append("?format=html\">").Append(Html.Encode(t["invoice.export"])).Append("</a> · ")
            .Append("<a href=\"").Append(export).Append("\">").Append(Html.Encode(t["invoice.exportJson"])).Append("</a></p>")
            .Append("<form method=\"post\" action=\"/staff/invoices/").Append(Uri.EscapeDataString(invoice.Number)).Append("/erasure\">").Append(page.AntiforgeryField())
            .Append("<p class=\"muted\" id=\"erase-hint\">").Append(Html.Encode(t["invoice.eraseHint"])).Append("</p>")
            .Append("<p><button type=\"submit\" class=\"secondary\" aria-describedby=\"erase-hint\">").Append(Html.Encode(t["invoice.erase"])).Append("</button></p></form></section>");
    }

    private static void Actions(StringBuilder html, PageContext page, string number, bool paused)
    {
        var t = page.T;
        var action = "/staff/invoices/" + Uri.EscapeDataString(number);
        html.Append("<section class=\"card\" aria-labelledby=\"actions\"><h2 id=\"actions\">").Append(Html.Encode(t["invoice.actions"])).Append("</h2>");

        if (paused)
        {
            html.Append("<form method=\"post\" action=\"").Append(action).Append("/resume\">").Append(page.AntiforgeryField())
                .Append("<p><button type=\"submit\">").Append(Html.Encode(t["invoice.resume"])).Append("</button></p></form>");
        }
        else
        {
            html.Append("<form method=\"post\" action=\"").Append(action).Append("/pause\">").Append(page.AntiforgeryField())
                .Append("<label for=\"pause-reason\">").Append(Html.Encode(t["invoice.pauseReason"])).Append("</label>")
                .Append("<input type=\"text\" id=\"pause-reason\" name=\"reason\" maxlength=\"500\" aria-describedby=\"pause-hint\">")
                .Append("<p class=\"muted\" id=\"pause-hint\">").Append(Html.Encode(t["invoice.pauseHint"])).Append("</p>")
                .Append("<p><button type=\"submit\" class=\"secondary\">").Append(Html.Encode(t["invoice.pause"])).Append("</button></p></form>");
        }

        html.Append("<form method=\"post\" action=\"").Append(action).Append("/dispute\">").Append(page.AntiforgeryField())
            .Append("<label for=\"dispute-reason\">").Append(Html.Encode(t["invoice.disputeReason"])).Append("</label>")
            .Append("<input type=\"text\" id=\"dispute-reason\" name=\"reason\">")
            .Append("<p><button type=\"submit\" name=\"action\" value=\"open\">").Append(Html.Encode(t["invoice.openDispute"])).Append("</button>")
            .Append("<button type=\"submit\" name=\"action\" value=\"resolve\" class=\"secondary\">").Append(Html.Encode(t["invoice.resolveDispute"])).Append("</button></p></form>");

        html.Append("<form method=\"post\" action=\"").Append(action).Append("/cancel\">").Append(page.AntiforgeryField())
            .Append("<label for=\"cancel-reason\">").Append(Html.Encode(t["invoice.cancelReason"])).Append("</label>")
            .Append("<input type=\"text\" id=\"cancel-reason\" name=\"reason\">")
            .Append("<p><button type=\"submit\" class=\"secondary\">").Append(Html.Encode(t["invoice.cancel"])).Append("</button></p></form>");
        html.Append("</section>");
    }
}
