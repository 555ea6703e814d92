using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Collections.Handlers;
using Collections.Handlers.Approvals;

namespace Collections.Server.Approvals;

/// <summary>The small HTML pages behind approval links. Plain, valid, accessible HTML; no scripts.</summary>
internal static class ApprovalPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult Render(HandlerOutcome<ApprovalView> outcome, bool afterDecision, string? suggested = null)
    {
        var (status, body) = outcome.Kind switch
        {
            OutcomeKind.Ok when outcome.Value!.Decision is null => (StatusCodes.Status200OK, Request(outcome.Value, suggested)),
            OutcomeKind.Ok => (StatusCodes.Status200OK, Decided(outcome.Value!, afterDecision ? "Thank you — your decision is recorded." : "This request has been decided.")),
            OutcomeKind.Conflict => (StatusCodes.Status409Conflict, Decided(outcome.Value!, "This request was already decided; your answer was not recorded.")),
            OutcomeKind.Gone => (StatusCodes.Status410Gone, Message("This link has expired", "Approval links are valid for a limited time. The request stays open; ask for a new link.")),
            OutcomeKind.Invalid => (StatusCodes.Status400BadRequest, Message("Choose approve or reject", "The form did not say which decision you made.")),
            _ => (StatusCodes.Status404NotFound, Message("Link not valid", "This approval link is not valid. Check that you used the whole link from the email.")),
        };

        return Results.Text(Layout(body), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Request(ApprovalView view, string? suggested)
    {
        var approve = "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> ";
        var reject = "<button type=\"submit\" name=\"decision\" value=\"reject\">Reject</button> ";
        var html = new StringBuilder();
        html.Append("<h1>Approve ").Append(Encode(ActionName(view.Action))).Append("?</h1>");
        html.Append("<p>Collections asks for your decision. Nothing happens until you choose.</p>");
        html.Append(Details(view));
        // Posts to the page's own address; the buttons carry the decision.
        html.Append("<form method=\"post\">");
        html.Append(suggested == ApprovalDecisions.Reject ? reject + approve : approve + reject);
        html.Append("</form>");
        html.Append("<p><small>This link works once and expires on ").Append(Encode(Moment(view.ExpiresAt))).Append(".</small></p>");
        return html.ToString();
    }

    private static string Decided(ApprovalView view, string heading)
    {
        var decision = view.Decision == ApprovalDecisions.Approve ? "approved" : "rejected";
        return $"<h1>{Encode(heading)}</h1><p>{Encode(ActionName(view.Action))} was <strong>{decision}</strong> on {Encode(Moment(view.DecidedAt!.Value))}.</p>{Details(view)}";
    }

    private static string Message(string heading, string text) => $"<h1>{Encode(heading)}</h1><p>{Encode(text)}</p>";

    private static string Details(ApprovalView view)
    {
        var html = new StringBuilder("<dl>");
        void Row(string term, string value) => html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");
        Row("Requested", Moment(view.RequestedAt));
        if (view.Invoice is { } record)
        {
            var invoice = record.Invoice;
            Row("Invoice", invoice.Number);
            Row("Debtor", invoice.Debtor.Name);
            Row("Invoice date", invoice.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Row("Due date", invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Row("Amount", Money(invoice.Amount, invoice.Currency));
            Row("Open balance", Money(record.OpenBalance, invoice.Currency));
        }

        return html.Append("</dl>").ToString();
    }

    private static string ActionName(string action) => action == "hand-over" ? "hand-over to a collection agency" : action;

    private static string Money(decimal amount, string currency) => $"{currency} {amount.ToString("N2", CultureInfo.InvariantCulture)}";

    private static string Moment(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Encode(string text) => Html.Encode(text);

    private static string Layout(string main) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<meta name=\"robots\" content=\"noindex\"><title>Collections — approval</title>" +
        "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}" +
        "dt{font-weight:600}dd{margin:0 0 .5rem}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem;cursor:pointer}</style>" +
        $"</head><body><main>{main}</main></body></html>";
}
