using System.Globalization;
using System.Text;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>The overview: figures as tables (readable by screen readers) and paid-after-step as a small inline SVG bar chart.</summary>
internal static class OverviewPage
{
    public static IResult Render(PageContext page, OverviewFigures figures, IReadOnlyList<Storage.ApprovalRecord> approvals)
    {
        var t = page.T;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t["overview.title"])).Append("</h1>");

        html.Append("<section class=\"card\" aria-labelledby=\"today\"><h2 id=\"today\">").Append(Html.Encode(t["overview.today"])).Append("</h2><dl class=\"facts\">")
            .Append("<dt>").Append(Html.Encode(t["overview.callsToday"])).Append("</dt><dd><a href=\"/staff/calls\">").Append(figures.CallsToday).Append("</a></dd>")
            .Append("<dt>").Append(Html.Encode(t["overview.promisesKept"])).Append("</dt><dd>").Append(figures.PromisesKept).Append("</dd>")
            .Append("<dt>").Append(Html.Encode(t["overview.promisesBroken"])).Append("</dt><dd>").Append(figures.PromisesBroken).Append("</dd>")
            .Append("<dt>").Append(Html.Encode(t["overview.promisesKeptPercent"])).Append("</dt><dd>")
            .Append(figures.PromisesKeptPercent is { } percent ? percent.ToString(CultureInfo.InvariantCulture) + " %" : "—").Append("</dd>")
            .Append("<dt>").Append(Html.Encode(t["overview.dso"])).Append("</dt><dd>")
            .Append(Html.Encode(figures.Ageing.DaysSalesOutstanding is { } dso ? t.Format("overview.dsoDays", dso.ToString("0.#", t.Culture)) : "—")).Append("</dd>")
            .Append("<dt>").Append(Html.Encode(t["overview.approvals"])).Append("</dt><dd>").Append(approvals.Count).Append("</dd></dl></section>");

        html.Append("<section class=\"card\" aria-labelledby=\"stages\"><h2 id=\"stages\">").Append(Html.Encode(t["overview.byStage"])).Append("</h2>");
        if (figures.OpenByStage.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(Html.Encode(t["overview.none"])).Append("</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">").Append(Html.Encode(t["overview.stage"])).Append("</th><th scope=\"col\" class=\"num\">")
                .Append(Html.Encode(t["overview.invoices"])).Append("</th><th scope=\"col\" class=\"num\">").Append(Html.Encode(t["calls.open"])).Append("</th></tr></thead><tbody>");
            foreach (var (stage, count, amount) in figures.OpenByStage)
            {
                html.Append("<tr><td>").Append(Html.Encode(t.Stage(stage))).Append("</td><td class=\"num\">").Append(count).Append("</td><td class=\"num\">")
                    .Append(Html.Encode(t.Money(amount, "EUR"))).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
        Ageing(html, t, figures.Ageing);
        PaidAfterStep(html, t, figures.PaidAfterStep);
        Approvals(html, t, approvals);
        return Html.Page(page, t["overview.title"], html.ToString(), staffNavigation: true);
    }

    private static void Ageing(StringBuilder html, Texts t, AgeingFigures ageing)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"ageing\"><h2 id=\"ageing\">").Append(Html.Encode(t["overview.ageing"])).Append("</h2>")
            .Append("<table id=\"ageing-table\"><thead><tr><th scope=\"col\">").Append(Html.Encode(t["overview.ageingBucket"])).Append("</th><th scope=\"col\" class=\"num\">")
            .Append(Html.Encode(t["overview.invoices"])).Append("</th><th scope=\"col\" class=\"num\">").Append(Html.Encode(t["calls.open"])).Append("</th></tr></thead><tbody>");
        foreach (var (bucket, count, amount) in ageing.Buckets)
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.Encode(t[$"overview.bucket.{bucket}"])).Append("</th><td class=\"num\">").Append(count)
                .Append("</td><td class=\"num\">").Append(Html.Encode(t.Money(amount, "EUR"))).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>")
            .Append("<section class=\"card\" aria-labelledby=\"ended\"><h2 id=\"ended\">").Append(Html.Encode(t["overview.ended"])).Append("</h2><table id=\"ended-table\"><tbody>");
        foreach (var (status, count) in ageing.Ended)
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.Encode(t[$"overview.ended.{status}"])).Append("</th><td class=\"num\">").Append(count).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void PaidAfterStep(StringBuilder html, Texts t, IReadOnlyList<(string Step, int Invoices)> steps)
    {
        const int barMax = 220, rowHeight = 28, labelWidth = 190;
        var max = Math.Max(1, steps.Max(step => step.Invoices));
        html.Append("<section class=\"card\" aria-labelledby=\"paid-after\"><h2 id=\"paid-after\">").Append(Html.Encode(t["overview.paidAfter"])).Append("</h2>")
            .Append("<svg role=\"img\" aria-labelledby=\"paid-after-title\" viewBox=\"0 0 ").Append(labelWidth + barMax + 40).Append(' ').Append(steps.Count * rowHeight)
            .Append("\" class=\"chart\"><title id=\"paid-after-title\">").Append(Html.Encode(t["overview.paidAfter"])).Append("</title>");
        for (var index = 0; index < steps.Count; index++)
        {
            var (step, count) = steps[index];
            var y = index * rowHeight;
            var width = count * barMax / max;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 18}\" font-size=\"13\" fill=\"#1a1a1a\">{Html.Encode(t[$"overview.step.{step}"])}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 5}\" width=\"{width}\" height=\"18\" fill=\"#0b4f8a\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 18}\" font-size=\"13\" fill=\"#1a1a1a\">{count}</text>");
        }

        html.Append("</svg><table><caption class=\"muted\">").Append(Html.Encode(t["overview.paidAfterTable"])).Append("</caption><tbody>");
        foreach (var (step, count) in steps)
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.Encode(t[$"overview.step.{step}"])).Append("</th><td class=\"num\">").Append(count).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Approvals(StringBuilder html, Texts t, IReadOnlyList<Storage.ApprovalRecord> approvals)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"approvals\"><h2 id=\"approvals\">").Append(Html.Encode(t["overview.approvalsTitle"])).Append("</h2>")
            .Append("<p class=\"muted\">").Append(Html.Encode(t["overview.approvalsHint"])).Append("</p>");
        if (approvals.Count == 0)
        {
            html.Append("<p>").Append(Html.Encode(t["overview.approvalsNone"])).Append("</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">").Append(Html.Encode(t["debtor.number"])).Append("</th><th scope=\"col\">")
            .Append(Html.Encode(t["overview.requested"])).Append("</th><th scope=\"col\">").Append(Html.Encode(t["overview.expires"])).Append("</th></tr></thead><tbody>");
        foreach (var approval in approvals)
        {
            html.Append("<tr><td><a href=\"/staff/invoices/").Append(Uri.EscapeDataString(approval.InvoiceNumber)).Append("\">").Append(Html.Encode(approval.InvoiceNumber))
                .Append("</a></td><td>").Append(Html.Encode(t.Moment(approval.RequestedAt))).Append("</td><td>").Append(Html.Encode(t.Moment(approval.ExpiresAt))).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }
}
