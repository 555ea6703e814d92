using System.Globalization;
using System.Text;
using Collections.Contacts;
using Collections.Handlers.Calls;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>Today's calls, one card per debtor (one call covers all the invoices of its task), each with
/// the script for its stage, the history, earlier promises and the outcome form.</summary>
internal static class CallListPage
{
    /// <summary>The form that failed validation, shown again filled in with its errors.</summary>
    public sealed record FailedForm(string TaskId, CallOutcomeForm Form, IReadOnlyDictionary<string, string[]> Errors);

    /// <param name="problem">Why the last outcome was not recorded (shown as an alert, never as a success).</param>
    public static IResult Render(PageContext page, IReadOnlyList<CallListItem> items, DateOnly today, string? notice, FailedForm? failed = null, string? problem = null)
    {
        var t = page.T;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t.Format("calls.title", t.Date(today)))).Append("</h1>");
        if (problem is not null)
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p>").Append(Html.Encode(problem)).Append("</p></div>");
        }

        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.Encode(notice)).Append("</p>");
        }

        if (items.Count == 0)
        {
            html.Append("<p class=\"card\">").Append(Html.Encode(t["calls.empty"])).Append("</p>");
        }
        else
        {
            html.Append("<p class=\"muted\">").Append(Html.Encode(t.Format("calls.count", items.Count))).Append("</p>");
        }

        for (var index = 0; index < items.Count; index++)
        {
            var form = failed is not null && failed.TaskId == items[index].Task.Id ? failed : null;
            Card(html, page, items[index], $"c{index}", today, form);
        }

        return Html.Page(page, t.Format("calls.title", t.Date(today)), html.ToString(),
            failed is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, staffNavigation: true);
    }

    private static void Card(StringBuilder html, PageContext page, CallListItem item, string id, DateOnly today, FailedForm? failed)
    {
        var t = page.T;
        var debtor = item.Debtor;
        html.Append("<article class=\"card call\" aria-labelledby=\"").Append(id).Append("-name\" data-task=\"").Append(Html.Attribute(item.Task.Id)).Append("\">")
            .Append("<h2 id=\"").Append(id).Append("-name\">").Append(Html.Encode(debtor.Name)).Append("</h2>")
            .Append("<p><strong>").Append(Html.Encode(Why(t, item.Task.Script))).Append("</strong></p>")
            .Append("<dl class=\"facts\">")
            .Append("<dt>").Append(Html.Encode(t["calls.open"])).Append("</dt><dd>").Append(Html.Encode(t.Money(item.OpenTotal, item.Currency))).Append("</dd>")
            .Append("<dt>").Append(Html.Encode(t["calls.phone"])).Append("</dt><dd>");
        if (debtor.Phone is { Length: > 0 } phone)
        {
            html.Append("<a href=\"tel:").Append(Html.Attribute(phone)).Append("\">").Append(Html.Encode(PhoneNumberNormalizer.ForDisplay(phone))).Append("</a>");
        }
        else
        {
            html.Append(Html.Encode(t["calls.noPhone"]));
        }

        html.Append("</dd><dt>").Append(Html.Encode(t["calls.bestTime"])).Append("</dt><dd>").Append(Html.Encode(BestTime(t, item, today))).Append("</dd>")
            .Append("<dt>").Append(Html.Encode(t["calls.invoices"])).Append("</dt><dd><ul>");
        foreach (var invoice in item.Invoices)
        {
            html.Append("<li><a href=\"/staff/invoices/").Append(Uri.EscapeDataString(invoice.Invoice.Number)).Append("\">")
                .Append(Html.Encode(invoice.Invoice.Number)).Append("</a> — ")
                .Append(Html.Encode(t.Format("calls.invoiceLine", t.Money(invoice.OpenBalance, invoice.Invoice.Currency), t.Date(invoice.Invoice.DueDate))))
                .Append("</li>");
        }

        html.Append("</ul></dd></dl>");
        Script(html, t, item.Task.Script);
        Promises(html, t, item);
        History(html, t, item);
        OutcomeForm(html, page, item, id, failed);
        html.Append("</article>");
    }

    private static string Why(Texts t, string script) => script switch
    {
        "first-contact" => t["calls.why.first-contact"],
        "promise-broken" => t["calls.why.promise-broken"],
        "callback-requested" => t["calls.why.callback-requested"],
        "plan-proposed" => t["calls.why.plan-proposed"],
        _ => t["calls.why.follow-up"],
    };

    /// <summary>The planned moment, not the deadline: the workflow plans a call for a moment in the call window
    /// and gives staff until the task's <c>DueBy</c>; a call-back request is due at the asked time.</summary>
    private static string BestTime(Texts t, CallListItem item, DateOnly today)
    {
        var callback = item.Task.Script == "callback-requested";
        var plannedAt = callback ? item.Task.DueBy : item.Task.CreatedAt;
        var planned = PageClock.Local(plannedAt);
        if (DateOnly.FromDateTime(planned) < today)
        {
            return t.Format("calls.bestTime.overdue", t.Moment(plannedAt));
        }

        return t.Format(callback ? "calls.bestTime.callback" : "calls.bestTime.from", planned.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static void Script(StringBuilder html, Texts t, string script)
    {
        var kind = script == "first-contact" ? "first" : "follow";
        html.Append("<details><summary>").Append(Html.Encode(t["calls.script"])).Append("</summary><ol>");
        for (var line = 1; line <= 5; line++)
        {
            html.Append("<li>").Append(Html.Encode(t[$"script.{kind}.{line}"])).Append("</li>");
        }

        html.Append("</ol></details>");
    }

    private static void Promises(StringBuilder html, Texts t, CallListItem item)
    {
        var promises = item.Promises.ToList();
        html.Append("<details").Append(promises.Count > 0 ? " open" : string.Empty).Append("><summary>")
            .Append(Html.Encode(t.Format("calls.promises", promises.Count))).Append("</summary>");
        if (promises.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(Html.Encode(t["calls.promises.none"])).Append("</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var entry in promises)
            {
                html.Append("<li>").Append(Html.Encode(t.Moment(entry.At))).Append(" — ").Append(Html.Encode(entry.Summary)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</details>");
    }

    private static void History(StringBuilder html, Texts t, CallListItem item)
    {
        html.Append("<details><summary>").Append(Html.Encode(t.Format("calls.history", item.History.Count))).Append("</summary>");
        if (item.History.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(Html.Encode(t["calls.history.none"])).Append("</p>");
        }
        else
        {
            html.Append("<ol class=\"timeline\">");
            foreach (var entry in item.History.Reverse())
            {
                html.Append("<li>").Append(Html.Encode(t.Moment(entry.At))).Append(" · ").Append(Html.Encode(entry.InvoiceNumber))
                    .Append(" — ").Append(Html.Encode(entry.Summary)).Append("</li>");
            }

            html.Append("</ol>");
        }

        html.Append("</details>");
    }

    private static void OutcomeForm(StringBuilder html, PageContext page, CallListItem item, string id, FailedForm? failed)
    {
        var t = page.T;
        var form = failed?.Form ?? CallOutcomeForm.Empty;
        var errors = failed?.Errors ?? new Dictionary<string, string[]>();
        html.Append("<form method=\"post\" data-outcome-form action=\"/staff/calls/").Append(Uri.EscapeDataString(item.Task.Id))
            .Append("/outcome\" aria-label=\"").Append(Html.Attribute(t.Format("outcome.formLabel", item.Debtor.Name))).Append("\">")
            .Append(page.AntiforgeryField());
        if (errors.Count > 0)
        {
            html.Append("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"").Append(id).Append("-errors\"><p>")
                .Append(Html.Encode(t["outcome.errors"])).Append("</p><ul>");
            foreach (var field in errors.Keys)
            {
                html.Append("<li>").Append(Html.Encode(FieldMessage(t, field))).Append("</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("<fieldset><legend>").Append(Html.Encode(t["outcome.legend"])).Append("</legend><div class=\"choices\">");
        foreach (var kind in CallOutcomeKinds.All)
        {
            var inputId = $"{id}-o-{kind}";
            html.Append("<label for=\"").Append(inputId).Append("\"><input type=\"radio\" name=\"outcome\" required id=\"").Append(inputId)
                .Append("\" value=\"").Append(kind).Append('"').Append(form.Outcome == kind ? " checked" : string.Empty).Append('>')
                .Append(Html.Encode(t[$"outcome.{kind}"])).Append("</label>");
        }

        html.Append("</div></fieldset>");

        html.Append("<div data-for=\"").Append(CallOutcomeKinds.PromiseToPay).Append("\">");
        Input(html, t, id, "promisedDate", "date", form.PromisedDate, errors, t["outcome.promisedDate"]);
        html.Append("</div>");

        html.Append("<div data-for=\"").Append(CallOutcomeKinds.PaymentPlan).Append("\">");
        InstalmentsFieldset(html, t, id, item.OpenTotal, item.Currency, form.Instalments, errors);
        html.Append("</div>");

        html.Append("<div data-for=\"").Append(CallOutcomeKinds.Dispute).Append("\">");
        html.Append("<label for=\"").Append(id).Append("-reason\">").Append(Html.Encode(t["outcome.reason"])).Append("</label>")
            .Append("<textarea id=\"").Append(id).Append("-reason\" name=\"reason\"").Append(Invalid(id, "reason", errors)).Append('>')
            .Append(Html.Encode(form.Reason)).Append("</textarea>").Append(ErrorText(t, id, "reason", errors));
        html.Append("</div>");

        html.Append("<div data-for=\"").Append(CallOutcomeKinds.CallbackRequested).Append("\">");
        Input(html, t, id, "callbackAt", "datetime-local", form.CallbackAt, errors, t["outcome.callbackAt"]);
        html.Append("</div>");

        Input(html, t, id, "note", "text", form.Note, errors, t["outcome.note"]);
        html.Append("<p><button type=\"submit\">").Append(Html.Encode(t["outcome.submit"])).Append("</button></p></form>");
    }

    /// <summary>The instalment builder; also used on the debtor's plan proposal.</summary>
    public static void InstalmentsFieldset(
        StringBuilder html, Texts t, string id, decimal open, string currency,
        IReadOnlyList<(string Date, string Amount)> rows, IReadOnlyDictionary<string, string[]> errors)
    {
        html.Append("<fieldset><legend>").Append(Html.Encode(t["plan.legend"])).Append("</legend>");
        var count = Math.Max(CallOutcomeForm.MinimumInstalmentRows, rows.Count);
        for (var index = 0; index < count; index++)
        {
            var (date, amount) = index < rows.Count ? rows[index] : (string.Empty, string.Empty);
            var number = index + 1;
            var dateField = $"instalments[{index}].dueDate";
            var amountField = $"instalments[{index}].amount";
            html.Append("<div class=\"instalment\"><div>")
                .Append("<label for=\"").Append(id).Append("-idate-").Append(number).Append("\">").Append(Html.Encode(t.Format("plan.date", number))).Append("</label>")
                .Append("<input type=\"date\" name=\"instalmentDate\" id=\"").Append(id).Append("-idate-").Append(number).Append("\" value=\"").Append(Html.Attribute(date)).Append('"')
                .Append(errors.ContainsKey(dateField) ? " aria-invalid=\"true\"" : string.Empty).Append("></div><div>")
                .Append("<label for=\"").Append(id).Append("-iamount-").Append(number).Append("\">").Append(Html.Encode(t.Format("plan.amount", number))).Append("</label>")
                .Append("<input type=\"number\" step=\"0.01\" min=\"0.01\" inputmode=\"decimal\" data-instalment-amount name=\"instalmentAmount\" id=\"").Append(id).Append("-iamount-").Append(number)
                .Append("\" value=\"").Append(Html.Attribute(amount)).Append('"')
                .Append(errors.ContainsKey(amountField) ? " aria-invalid=\"true\"" : string.Empty).Append("></div></div>");
        }

        html.Append("<button type=\"button\" class=\"secondary\" data-add-instalment hidden>").Append(Html.Encode(t["plan.add"])).Append("</button>")
            .Append("<p aria-live=\"polite\" data-plan-total data-open=\"").Append(open.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-template=\"").Append(Html.Attribute(t["plan.total"])).Append("\">")
            .Append(Html.Encode(t.Format("plan.openAmount", t.Money(open, currency)))).Append("</p></fieldset>");
    }

    public static string FieldMessage(Texts t, string field)
    {
        if (field.StartsWith("instalments[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var number = int.Parse(field[12..close], CultureInfo.InvariantCulture) + 1;
            return t.Format(field.EndsWith("dueDate", StringComparison.Ordinal) ? "error.instalmentDate" : "error.instalmentAmount", number);
        }

        return t[$"error.{field}"];
    }

    private static void Input(StringBuilder html, Texts t, string id, string name, string type, string value, IReadOnlyDictionary<string, string[]> errors, string label)
    {
        html.Append("<label for=\"").Append(id).Append('-').Append(name).Append("\">").Append(Html.Encode(label)).Append("</label>")
            .Append("<input type=\"").Append(type).Append("\" id=\"").Append(id).Append('-').Append(name).Append("\" name=\"").Append(name)
            .Append("\" value=\"").Append(Html.Attribute(value)).Append('"').Append(Invalid(id, name, errors)).Append('>')
            .Append(ErrorText(t, id, name, errors));
    }

    private static string Invalid(string id, string name, IReadOnlyDictionary<string, string[]> errors) =>
        errors.ContainsKey(name) ? $" aria-invalid=\"true\" aria-describedby=\"{id}-{name}-error\"" : string.Empty;

    private static string ErrorText(Texts t, string id, string name, IReadOnlyDictionary<string, string[]> errors) =>
        errors.ContainsKey(name) ? $"<p class=\"error\" id=\"{id}-{name}-error\">{Html.Encode(FieldMessage(t, name))}</p>" : string.Empty;
}
