using System.Globalization;
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
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var amountText = form["amount"].ToString().Trim().Replace(',', '.');
            var dueText = form["dueDate"].ToString().Trim();
            decimal? amount = decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            DateOnly? due = DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            if ((amountText.Length > 0 && amount is null) || (dueText.Length > 0 && due is null))
            {
                return await InvoicePageEndpoints.RenderAsync(http, number, queries, errorKey: "fix.amend.unreadable");
            }

            var outcome = await handler.HandleAsync(number, new InvoiceAmendment(amount, due, http.User.Identity?.Name), http.RequestAborted);
            return await AfterAsync(http, number, queries, outcome, "amend");
        });

        return staff;
    }

    private static async Task<IResult> AfterAsync(HttpContext http, string number, InvoiceQueries queries, HandlerOutcome<InvoiceSummary> outcome, string action)
    {
        if (outcome.Succeeded)
        {
            return PageResult.SeeOther($"/staff/invoices/{Uri.EscapeDataString(number)}?done={action}");
        }

        var detail = outcome.Kind == OutcomeKind.Invalid
            ? string.Join(" ", outcome.Errors!.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"))
            : outcome.Detail;
        return detail is null
            ? await InvoicePageEndpoints.RenderAsync(http, number, queries, errorKey: "fix.failed")
            : await InvoicePageEndpoints.RenderAsync(http, number, queries, errorDetail: detail);
    }
}
