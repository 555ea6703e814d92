using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary><c>/staff/invoices/{number}</c> and its actions, through the same handlers as the HTTP API.</summary>
internal static class InvoicePageEndpoints
{
    public static RouteGroupBuilder MapInvoicePage(this RouteGroupBuilder staff)
    {
        staff.MapGet("/invoices/{number}", async (string number, string? done, HttpContext http, InvoiceQueries queries) =>
        {
            var page = PageContext.For(http);
            var notice = done is "open" or "resolve" or "cancel" or "pause" or "resume" or "erased" or "contact" or "amend" ? page.T[$"invoice.done.{done}"] : null;
            return await RenderAsync(page, number, queries, notice, error: null);
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

        var page = PageContext.For(http);
        var invalid = action == "pause" ? page.T["invoice.error.pause"] : page.T["invoice.error.reason"];
        var error = outcome.Kind == OutcomeKind.Invalid ? invalid : outcome.Detail ?? invalid;
        return await RenderAsync(page, number, queries, notice: null, error);
    }

    internal static async Task<IResult> RenderAsync(PageContext page, string number, InvoiceQueries queries, string? notice, string? error)
    {
        var view = await queries.GetAsync(number, page.Http.RequestAborted);
        return view.Succeeded
            ? InvoicePage.Render(page, view.Value!, notice, error)
            : Html.Page(page, page.T["invoice.notFound"], $"<h1>{Html.Encode(page.T["invoice.notFound"])}</h1>", StatusCodes.Status404NotFound, staffNavigation: true);
    }
}
