using System.Text;
using Collections.Handlers;
using Collections.Handlers.Approvals;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Approvals;

/// <summary>The page behind approval links, in the pages' shared layout and language (Dutch unless the reader
/// asks for English). No staff navigation: the approver need not be signed in, the link is the credential.
/// The page is rendered when the result executes, so the endpoint methods (which the Azure Functions app
/// calls too) keep their signatures.</summary>
internal static class ApprovalPage
{
    public static IResult Render(HandlerOutcome<ApprovalView> outcome, bool afterDecision, string? suggested = null) =>
        new PageResult(outcome, afterDecision, suggested);

    private sealed class PageResult(HandlerOutcome<ApprovalView> outcome, bool afterDecision, string? suggested) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var page = PageContext.For(httpContext);
            var t = page.T;
            var view = outcome.Value;
            var facts = view?.Invoice is { } record
                ? await ApprovalFacts.LoadAsync(
                    httpContext.RequestServices.GetRequiredService<ICollectionsStore>(), record,
                    httpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), httpContext.RequestAborted)
                : null;

            var (status, title, main) = outcome.Kind switch
            {
                OutcomeKind.Ok when view!.Decision is null => (StatusCodes.Status200OK, t["approval.title"], Request(t, view, facts, suggested)),
                OutcomeKind.Ok when afterDecision => (StatusCodes.Status200OK, t["approval.done.title"], Done(t, view!, facts)),
                OutcomeKind.Ok => (StatusCodes.Status200OK, t["approval.decided.title"], Decided(t, view!, facts, "approval.decided", alert: false)),
                OutcomeKind.Conflict => (StatusCodes.Status409Conflict, t["approval.conflict.title"], Decided(t, view!, facts, "approval.conflict", alert: true)),
                OutcomeKind.Gone => (StatusCodes.Status410Gone, t["approval.expired.title"], Message(t, "approval.expired") + Claim(t, view!, facts)),
                OutcomeKind.Invalid => (StatusCodes.Status400BadRequest, t["approval.noDecision.title"], Message(t, "approval.noDecision")),
                _ => (StatusCodes.Status404NotFound, t["approval.invalid.title"], Message(t, "approval.invalid")),
            };

            await Html.Page(page, title, main, status, brandKey: "approval.brand").ExecuteAsync(httpContext);
        }
    }

    private static string Request(Texts t, ApprovalView view, ApprovalFacts? facts, string? suggested)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t["approval.title"])).Append("</h1>");
        if (view.Invoice is { } record)
        {
            html.Append("<p>").Append(Html.Encode(t.Format("approval.intro", record.Invoice.Number, record.Invoice.Debtor.Name))).Append("</p>");
        }

        html.Append(Claim(t, view, facts));
        html.Append("<section class=\"card\" aria-labelledby=\"meaning\"><h2 id=\"meaning\">").Append(Html.Encode(t["approval.meaning"])).Append("</h2>")
            .Append("<p>").Append(Html.Encode(t["approval.meaning.approve"])).Append("</p>")
            .Append("<p>").Append(Html.Encode(t["approval.meaning.reject"])).Append("</p>")
            .Append("<p>").Append(Html.Encode(t["approval.meaning.keep-in-house"])).Append("</p>");

        // Posts to the page's own address (the email link's, with its language); the buttons carry the decision,
        // the one the email link chose first. The token in the address is the credential, so no antiforgery
        // cookie is needed: a forged form cannot name a token it does not know.
        var reject = suggested == ApprovalDecisions.Reject;
        html.Append("<form method=\"post\" aria-label=\"").Append(Html.Attribute(t["approval.choices"])).Append("\">");
        html.Append(reject ? Button(t, ApprovalDecisions.Reject, primary: true) + Button(t, ApprovalDecisions.Approve, primary: false)
            : Button(t, ApprovalDecisions.Approve, primary: true) + Button(t, ApprovalDecisions.Reject, primary: false));
        html.Append(Button(t, ApprovalDecisions.KeepInHouse, primary: false));
        html.Append("</form>");
        html.Append("<p class=\"muted\">").Append(Html.Encode(t.Format("approval.expires", t.Moment(view.ExpiresAt)))).Append("</p></section>");
        html.Append(History(t, facts));
        return html.ToString();
    }

    private static string Button(Texts t, string decision, bool primary) =>
        $"<button type=\"submit\" name=\"decision\" value=\"{decision}\"{(primary ? string.Empty : " class=\"secondary\"")}>{Html.Encode(t[$"approval.{decision}"])}</button>";

    private static string Done(Texts t, ApprovalView view, ApprovalFacts? facts) =>
        $"<h1>{Html.Encode(t["approval.done.title"])}</h1>" +
        $"<div class=\"notice\" role=\"status\"><p>{Html.Encode(t.Format("approval.done.text", t[$"approval.decision.{view.Decision}"], t.Moment(view.DecidedAt!.Value)))}</p>" +
        $"<p>{Html.Encode(t[$"approval.next.{view.Decision}"])}</p></div>" +
        Claim(t, view, facts);

    private static string Decided(Texts t, ApprovalView view, ApprovalFacts? facts, string key, bool alert) =>
        $"<h1>{Html.Encode(t[key + ".title"])}</h1>" +
        $"<p{(alert ? " class=\"errors\" role=\"alert\"" : string.Empty)}>{Html.Encode(t.Format(key + ".text", t[$"approval.decision.{view.Decision}"], t.Moment(view.DecidedAt!.Value)))}</p>" +
        Claim(t, view, facts);

    private static string Message(Texts t, string key) =>
        $"<h1>{Html.Encode(t[key + ".title"])}</h1><p>{Html.Encode(t[key + ".text"])}</p>";

    private static string Claim(Texts t, ApprovalView view, ApprovalFacts? facts)
    {
        var html = new StringBuilder("<section class=\"card\" aria-labelledby=\"claim\"><h2 id=\"claim\">")
            .Append(Html.Encode(t["approval.claim"])).Append("</h2><dl class=\"facts\">");
        void Row(string key, string value) => html.Append("<dt>").Append(Html.Encode(t[key])).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>");
        if (view.Invoice is { } record && facts is not null)
        {
            var invoice = record.Invoice;
            Row("debtor.number", invoice.Number);
            Row("approval.debtor", invoice.Debtor.Name);
            Row("debtor.issueDate", t.Date(invoice.IssueDate));
            Row("invoice.dueDate", t.Date(invoice.DueDate));
            Row("debtor.amount", t.Money(invoice.Amount, invoice.Currency));
            Row("approval.openBalance", t.Money(record.OpenBalance, invoice.Currency));
            Row("approval.costs", t.Money(facts.Costs, invoice.Currency));
            if (facts.Interest > 0)
            {
                Row("approval.interest", t.Money(facts.Interest, invoice.Currency));
            }

            Row("approval.total", t.Money(record.OpenBalance + facts.Costs + facts.Interest, invoice.Currency));
            Row("approval.finalNotice", facts.FinalNoticeSent is { } sent ? t.Moment(sent) : t["approval.finalNoticeNone"]);
            if (facts.FinalNoticeDeadline is { } deadline)
            {
                Row("approval.finalNoticeDeadline", t.Date(deadline));
            }
        }

        Row("approval.requested", t.Moment(view.RequestedAt));
        return html.Append("</dl></section>").ToString();
    }

    private static string History(Texts t, ApprovalFacts? facts)
    {
        if (facts is null || facts.History.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<details class=\"card\"><summary>")
            .Append(Html.Encode(t.Format("approval.history", facts.History.Count))).Append("</summary><ol class=\"timeline\">");
        foreach (var entry in facts.History)
        {
            html.Append("<li><strong>").Append(Html.Encode(t.Moment(entry.At))).Append("</strong> ").Append(Html.Encode(entry.Summary)).Append("</li>");
        }

        return html.Append("</ol></details>").ToString();
    }
}
