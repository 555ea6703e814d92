using System.Globalization;
using System.Text;
using Collections.Contacts;
using Collections.Handlers.Invoices;
using Collections.Links;
using Collections.Storage;
using Collections.Web.Pages;
using Collections.Web.Staff;

namespace Collections.Web.DebtorPages;

/// <summary>The debtor's own page: the invoice with R9's details, a Pay button, and four friendly ways to
/// answer (already paid, propose a plan, report a problem, call me back), and the WhatsApp opt-in where it is offered.
/// Nothing threatening (R5).</summary>
internal static class DebtorPage
{
    public const string Paid = "paid";
    public const string Plan = "plan";
    public const string Problem = "problem";
    public const string Callback = "callback";
    public const string WhatsAppOn = "whatsapp-on";
    public const string WhatsAppOff = "whatsapp-off";

    /// <summary>The form that failed validation, shown again open and filled in.</summary>
    public sealed record FailedForm(string Action, IFormCollection Values, IReadOnlyDictionary<string, string[]> Errors);

    /// <summary>Who the page speaks for and what is owed today: the creditor as the reminders present it, and the
    /// costs and interest due after the final notice's term (null before).</summary>
    public sealed record Claim(CreditorDetails Creditor, DueCosts? Due);

    public static IResult Render(PageContext page, InvoiceRecord record, DebtorPagesOptions options, Claim claim, string linkQuery, string? done, bool offerWhatsApp, FailedForm? failed = null)
    {
        var t = page.T;
        var invoice = record.Invoice;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t.Format("debtor.title", invoice.Number))).Append("</h1>");
        if (done is Paid or Plan or Problem or Callback or WhatsAppOn or WhatsAppOff)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.Encode(t[$"debtor.done.{done}"])).Append("</p>");
        }

        var open = record.Status == InvoiceStatus.Open && record.OpenBalance > 0;
        html.Append("<p>").Append(Html.Encode(t.Format(open ? "debtor.intro" : "debtor.closed", invoice.Debtor.Name))).Append("</p>");
        Details(html, t, record, claim, open);
        if (open)
        {
            Pay(html, t, record, claim);
            html.Append("<h2>").Append(Html.Encode(t["debtor.answers"])).Append("</h2>");
            AlreadyPaid(html, page, linkQuery, invoice.Number, failed);
            ProposePlan(html, page, record, options, linkQuery, failed);
            ReportProblem(html, page, linkQuery, invoice.Number, failed);
            CallMeBack(html, page, linkQuery, invoice.Number, failed);
            if (offerWhatsApp)
            {
                WhatsApp(html, page, record, linkQuery, failed);
            }
        }

        return Html.Page(page, t.Format("debtor.title", invoice.Number), html.ToString(), failed is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static void Details(StringBuilder html, Texts t, InvoiceRecord record, Claim claim, bool open)
    {
        var invoice = record.Invoice;
        var creditor = claim.Creditor.Creditor;
        html.Append("<section class=\"card\" aria-labelledby=\"details\"><h2 id=\"details\">").Append(Html.Encode(t["debtor.details"])).Append("</h2><dl class=\"facts\">");
        void Row(string key, string value) =>
            html.Append("<dt>").Append(Html.Encode(t[key])).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>");
        Row("debtor.creditor", creditor.Name);
        Row("debtor.number", invoice.Number);
        Row("debtor.issueDate", t.Date(invoice.IssueDate));
        if (invoice.CustomerReference is { Length: > 0 } reference)
        {
            Row("debtor.customerReference", reference);
        }

        Row("debtor.amount", t.Money(invoice.Amount, invoice.Currency));
        Row("debtor.openBalance", t.Money(record.OpenBalance, invoice.Currency));
        if (open && claim.Due is { } due)
        {
            Row("debtor.costs", t.Format("debtor.costsSince", t.Money(due.Costs, invoice.Currency), t.Date(due.Since)));
            Row("debtor.interest", t.Money(due.Interest, invoice.Currency));
            Row("debtor.total", t.Money(record.OpenBalance + due.Total, invoice.Currency));
        }

        Row("debtor.dueDate", t.Date(invoice.DueDate));
        Row("debtor.paymentReference", invoice.Number);
        if (claim.Creditor.PrintedIban is { } iban)
        {
            Row("debtor.iban", t.Format("debtor.ibanOf", iban, creditor.Name));
        }

        Row("debtor.you", string.Join(", ", new[] { invoice.Debtor.Name, invoice.Debtor.Email, invoice.Debtor.Phone is { } phone ? PhoneNumberNormalizer.ForDisplay(phone) : null }.Where(part => !string.IsNullOrEmpty(part))));
        Row("debtor.us", string.Join(", ", new[] { creditor.BillingContactName, creditor.BillingPhone, creditor.BillingEmail }.Where(part => !string.IsNullOrEmpty(part))));
        html.Append("</dl></section>");
    }

    private static void Pay(StringBuilder html, Texts t, InvoiceRecord record, Claim claim)
    {
        var owed = record.OpenBalance + (claim.Due?.Total ?? 0m);
        html.Append("<section class=\"card\" aria-labelledby=\"pay\"><h2 id=\"pay\">").Append(Html.Encode(t["debtor.pay"])).Append("</h2>")
            .Append("<p><a class=\"button\" href=\"").Append(Html.Attribute(claim.Creditor.PaymentLink(record.Invoice.Number).ToString())).Append("\">")
            .Append(Html.Encode(t.Format("debtor.payButton", t.Money(owed, record.Invoice.Currency)))).Append("</a></p>");
        html.Append("<p>").Append(Html.Encode(claim.Creditor.PrintedIban is { } iban
            ? t.Format("debtor.transferTo", t.Money(owed, record.Invoice.Currency), iban, claim.Creditor.Creditor.Name, record.Invoice.Number)
            : t.Format("debtor.transfer", record.Invoice.Number))).Append("</p></section>");
    }

    private static void AlreadyPaid(StringBuilder html, PageContext page, string linkQuery, string number, FailedForm? failed)
    {
        var t = page.T;
        Open(html, page, Paid, "debtor.paid.title", linkQuery, number, failed, out var values, out var errors);
        Field(html, t, "reference", "text", "debtor.paid.reference", values, errors, required: true, DebtorRequests.MaxReferenceLength);
        Field(html, t, "paidOn", "date", "debtor.paid.date", values, errors, required: false);
        Close(html, t, "debtor.paid.submit");
    }

    private static void ProposePlan(StringBuilder html, PageContext page, InvoiceRecord record, DebtorPagesOptions options, string linkQuery, FailedForm? failed)
    {
        var t = page.T;
        Open(html, page, Plan, "debtor.plan.title", linkQuery, record.Invoice.Number, failed, out var values, out var errors);
        html.Append("<p>").Append(Html.Encode(t.Format("debtor.plan.limits", options.MaxInstalments, options.MaxPlanMonths))).Append("</p>");
        var rows = values is null ? [] : CallOutcomeForm.Read(values).Instalments;
        InstalmentsFieldset(html, t, "plan", record.OpenBalance, record.Invoice.Currency, rows, errors);
        Close(html, t, "debtor.plan.submit");
    }

    private static void ReportProblem(StringBuilder html, PageContext page, string linkQuery, string number, FailedForm? failed)
    {
        var t = page.T;
        Open(html, page, Problem, "debtor.problem.title", linkQuery, number, failed, out var values, out var errors);
        html.Append("<label for=\"problem\">").Append(Html.Encode(t["debtor.problem.text"])).Append("</label>")
            .Append(FormattableString.Invariant($"<textarea id=\"problem\" name=\"problem\" maxlength=\"{DebtorRequests.MaxProblemLength}\" required")).Append(Invalid("problem", errors)).Append('>')
            .Append(Html.Encode(values?["problem"].ToString())).Append("</textarea>").Append(Error(t, "problem", errors));
        Close(html, t, "debtor.problem.submit");
    }

    private static void CallMeBack(StringBuilder html, PageContext page, string linkQuery, string number, FailedForm? failed)
    {
        var t = page.T;
        Open(html, page, Callback, "debtor.callback.title", linkQuery, number, failed, out var values, out var errors);
        Field(html, t, "callbackDate", "date", "debtor.callback.date", values, errors, required: true);
        var chosen = values?["callbackWindow"].ToString();
        html.Append("<fieldset><legend>").Append(Html.Encode(t["debtor.callback.window"])).Append("</legend><div class=\"choices\">");
        foreach (var window in new[] { DebtorRequests.CallbackMorning, DebtorRequests.CallbackAfternoon })
        {
            html.Append("<label for=\"window-").Append(window).Append("\"><input type=\"radio\" name=\"callbackWindow\" required id=\"window-").Append(window)
                .Append("\" value=\"").Append(window).Append('"').Append(chosen == window ? " checked" : string.Empty).Append('>')
                .Append(Html.Encode(t[$"debtor.callback.{window}"])).Append("</label>");
        }

        html.Append("</div></fieldset>").Append(Error(t, "callbackWindow", errors));
        Close(html, t, "debtor.callback.submit");
    }

    /// <summary>Given: since when, and the button to withdraw it; not given: the offer (WhatsApp needs an explicit opt-in).</summary>
    private static void WhatsApp(StringBuilder html, PageContext page, InvoiceRecord record, string linkQuery, FailedForm? failed)
    {
        var t = page.T;
        var debtor = record.Invoice.Debtor;
        var action = debtor.WhatsAppOptIn is null ? WhatsAppOn : WhatsAppOff;
        Open(html, page, action, "debtor.whatsapp.title", linkQuery, record.Invoice.Number, failed, out _, out _);
        html.Append("<p>").Append(Html.Encode(debtor.WhatsAppOptIn is { } optIn
            ? t.Format("debtor.whatsapp.given", PhoneNumberNormalizer.ForDisplay(debtor.Phone!), t.Date(DateOnly.FromDateTime(PageClock.Local(optIn.At))))
            : t.Format("debtor.whatsapp.offer", PhoneNumberNormalizer.ForDisplay(debtor.Phone!)))).Append("</p>");
        Close(html, t, debtor.WhatsAppOptIn is null ? "debtor.whatsapp.give" : "debtor.whatsapp.withdraw");
    }

    private static void Open(
        StringBuilder html, PageContext page, string action, string titleKey, string linkQuery, string number, FailedForm? failed,
        out IFormCollection? values, out IReadOnlyDictionary<string, string[]> errors)
    {
        var t = page.T;
        var isFailed = failed?.Action == action;
        values = isFailed ? failed!.Values : null;
        errors = isFailed ? failed!.Errors : new Dictionary<string, string[]>();
        html.Append("<details class=\"card\"").Append(isFailed ? " open" : string.Empty).Append(" id=\"").Append(action).Append("-section\"><summary>")
            .Append(Html.Encode(t[titleKey])).Append("</summary>")
            .Append("<form method=\"post\"").Append(action == Plan ? " data-plan-form" : string.Empty).Append(" action=\"/debtor/")
            .Append(Uri.EscapeDataString(number)).Append('/').Append(action).Append('?').Append(Html.Attribute(linkQuery)).Append("\">")
            .Append(page.AntiforgeryField());
        if (errors.Count > 0)
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p>").Append(Html.Encode(t["debtor.errors"])).Append("</p><ul>");
            foreach (var field in errors.Keys)
            {
                html.Append("<li>").Append(Html.Encode(FieldMessage(t, field))).Append("</li>");
            }

            html.Append("</ul></div>");
        }
    }

    private static void Close(StringBuilder html, Texts t, string submitKey) =>
        html.Append("<p><button type=\"submit\">").Append(Html.Encode(t[submitKey])).Append("</button></p></form></details>");

    private static void Field(
        StringBuilder html, Texts t, string name, string type, string labelKey, IFormCollection? values, IReadOnlyDictionary<string, string[]> errors, bool required, int? maxLength = null)
    {
        html.Append("<label for=\"").Append(name).Append("\">").Append(Html.Encode(t[labelKey])).Append("</label>")
            .Append("<input type=\"").Append(type).Append("\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" value=\"")
            .Append(Html.Attribute(values?[name].ToString())).Append('"').Append(required ? " required" : string.Empty)
            .Append(maxLength is { } max ? FormattableString.Invariant($" maxlength=\"{max}\"") : string.Empty).Append(Invalid(name, errors)).Append('>')
            .Append(Error(t, name, errors));
    }

    private static string Invalid(string name, IReadOnlyDictionary<string, string[]> errors) =>
        errors.ContainsKey(name) ? $" aria-invalid=\"true\" aria-describedby=\"{name}-error\"" : string.Empty;

    private static string Error(Texts t, string name, IReadOnlyDictionary<string, string[]> errors) =>
        errors.ContainsKey(name) ? $"<p class=\"error\" id=\"{name}-error\">{Html.Encode(FieldMessage(t, name))}</p>" : string.Empty;

    /// <summary>The instalment builder; also used on the debtor's plan proposal.</summary>
    private static void InstalmentsFieldset(
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

    private static string FieldMessage(Texts t, string field)
    {
        if (field.StartsWith("instalments[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var number = int.Parse(field[12..close], CultureInfo.InvariantCulture) + 1;
            return t.Format(field.EndsWith("dueDate", StringComparison.Ordinal) ? "error.instalmentDate" : "error.instalmentAmount", number);
        }

        return t[$"error.{field}"];
    }
}
