using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Web.Components.Shared;
using Collections.Web.Components.Staff;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary><c>/staff/invoices/{number}</c> and its actions, through the same handlers as the HTTP API.</summary>
internal static class InvoicePageEndpoints
{
    public static RouteGroupBuilder MapInvoicePage(this RouteGroupBuilder staff)
    {
        staff.MapGet("/invoices/{number}", async (string number, string? done, HttpContext http, InvoiceQueries queries) =>
        {
            var confirmed = done is not null && InvoiceDetails.Confirmed.Contains(done) ? done : null;
            return await RenderAsync(http, number, queries, confirmed);
        });

        staff.MapPost("/invoices/{number}/dispute", async (string number, HttpContext http, InvoiceQueries queries, DisputeInvoiceHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var action = form["action"].ToString();
            var reason = form["reason"].ToString().Trim() is { Length: > 0 } text ? text : null;
            var outcome = await handler.HandleAsync(number, new DisputeChange(action, reason is null ? null : $"{reason} (by {http.User.Identity?.Name})"), http.RequestAborted);
            return await AfterAsync(http, number, queries, outcome, action);
        });

        staff.MapPost("/invoices/{number}/cancel", async (string number, HttpContext http, InvoiceQueries queries, CancelInvoiceHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var reason = form["reason"].ToString().Trim();
            var by = $"cancelled by {http.User.Identity?.Name} on the invoice page";
            var outcome = await handler.HandleAsync(number, new CancelRequest(reason.Length > 0 ? $"{reason} ({by})" : by), http.RequestAborted);
            return await AfterAsync(http, number, queries, outcome, "cancel");
        });

        staff.MapPost("/invoices/{number}/pause", async (string number, HttpContext http, InvoiceQueries queries, PauseInvoiceHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var reason = form["reason"].ToString().Trim() is { Length: > 0 } text ? text : null;
            var outcome = await handler.PauseAsync(number, new PauseRequest(reason, http.User.Identity?.Name), http.RequestAborted);
            return await AfterAsync(http, number, queries, outcome, "pause");
        });

        staff.MapPost("/invoices/{number}/resume", async (string number, HttpContext http, InvoiceQueries queries, PauseInvoiceHandler handler) =>
        {
            var outcome = await handler.ResumeAsync(number, new ResumeRequest(http.User.Identity?.Name), http.RequestAborted);
            return await AfterAsync(http, number, queries, outcome, "resume");
        });

        return staff;
    }

    private static async Task<IResult> AfterAsync(HttpContext http, string number, InvoiceQueries queries, HandlerOutcome<InvoiceSummary> outcome, string action)
    {
        if (outcome.Succeeded)
        {
            return PageResult.SeeOther($"/staff/invoices/{Uri.EscapeDataString(number)}?done={Uri.EscapeDataString(action)}");
        }

        var invalid = action == "pause" ? "invoice.error.pause" : "invoice.error.reason";
        return outcome.Kind == OutcomeKind.Invalid || outcome.Detail is null
            ? await RenderAsync(http, number, queries, errorKey: invalid)
            : await RenderAsync(http, number, queries, errorDetail: outcome.Detail);
    }

    /// <param name="done">The action just done, to confirm (see <see cref="InvoiceDetails.Confirmed"/>).</param>
    /// <param name="errorKey">The text key of why a form was refused, filled in with <paramref name="errorDetail"/>.</param>
    /// <param name="errorDetail">The handler's own words, shown as they are without <paramref name="errorKey"/>.</param>
    internal static async Task<IResult> RenderAsync(
        HttpContext http, string number, InvoiceQueries queries, string? done = null, string? errorKey = null, string? errorDetail = null)
    {
        var view = await queries.GetAsync(number, http.RequestAborted);
        if (!view.Succeeded)
        {
            return PageResult.Render<NoticePage>(http, new { TitleKey = "invoice.notFound", StaffNavigation = true }, StatusCodes.Status404NotFound);
        }

        var refused = errorKey is not null || errorDetail is not null;
        return PageResult.Render<InvoiceDetails>(
            http, new { View = view.Value!, Done = done, ErrorKey = errorKey, ErrorDetail = errorDetail },
            refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
