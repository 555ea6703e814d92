using Collections.Handlers;
using Collections.Handlers.Tasks;
using Collections.Storage;
using Collections.Web.Components.Shared;
using Collections.Web.Components.Staff;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>The staff work surface: <c>/staff/invoices</c> (search), <c>/staff/debtors/{debtorId}</c> (one debtor) and
/// <c>/staff/tasks</c> (the task inbox, whose forms go through <see cref="StaffTaskHandler"/>).</summary>
internal static class StaffWorkEndpoints
{
    public static RouteGroupBuilder MapStaffWork(this RouteGroupBuilder staff)
    {
        staff.MapGet("/invoices", async (HttpContext http, ICollectionsStore store, TimeProvider time) =>
        {
            var (search, invalid) = InvoiceListForm.Read(http.Request.Query, PageClock.Today(time));
            var error = invalid is null ? null : "work.list.badOverdue";
            InvoiceSearchPage? found = null;
            IReadOnlyDictionary<string, string> stages = new Dictionary<string, string>();
            if (error is null)
            {
                try
                {
                    found = await store.SearchInvoicesAsync(search, http.RequestAborted);
                    stages = await store.InvoiceStagesAsync([.. found.Items.Select(record => record.Invoice.Number)], http.RequestAborted);
                }
                catch (ArgumentException)
                {
                    error = "work.list.badPage";
                }
            }

            return PageResult.Render<InvoiceList>(
                http, new { Search = search, Found = found, Stages = stages, ErrorKey = error }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        });

        staff.MapGet("/debtors/{debtorId}", async (string debtorId, HttpContext http, ICollectionsStore store) =>
        {
            var invoices = await store.ListInvoicesOfDebtorAsync(debtorId, http.RequestAborted);
            if (invoices.Count == 0)
            {
                return PageResult.Render<NoticePage>(http, new { TitleKey = "work.debtor.notFound", StaffNavigation = true }, StatusCodes.Status404NotFound);
            }

            var contacts = await store.ListContactsOfDebtorAsync(debtorId, http.RequestAborted);
            var tasks = await store.ListStaffTasksOfDebtorAsync(debtorId, http.RequestAborted);
            var calls = await store.ListCallTasksOfDebtorAsync(debtorId, http.RequestAborted);
            var stages = await store.InvoiceStagesAsync([.. invoices.Select(record => record.Invoice.Number)], http.RequestAborted);
            return PageResult.Render<DebtorView>(http, new { Invoices = invoices, Stages = stages, Contacts = contacts, Tasks = tasks, Calls = calls });
        });

        staff.MapGet("/tasks", async (HttpContext http, string? done, ICollectionsStore store, TimeProvider time) =>
            await RenderInboxAsync(http, store, time, done is "assign" or "close" ? done : null, problemKey: null));

        staff.MapPost("/tasks/{id}/assign", async (string id, HttpContext http, ICollectionsStore store, TimeProvider time, StaffTaskHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var outcome = await handler.AssignAsync(id, form["assignee"].ToString(), http.RequestAborted);
            return await AfterAsync(http, store, time, outcome, "assign");
        });

        staff.MapPost("/tasks/{id}/close", async (string id, HttpContext http, ICollectionsStore store, TimeProvider time, StaffTaskHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var outcome = await handler.CloseAsync(id, form["note"].ToString(), http.User.Identity?.Name ?? "staff", http.RequestAborted);
            return await AfterAsync(http, store, time, outcome, "close");
        });

        return staff;
    }

    private static async Task<IResult> AfterAsync(HttpContext http, ICollectionsStore store, TimeProvider time, HandlerOutcome<StaffTaskRecord> outcome, string action)
    {
        if (outcome.Succeeded)
        {
            return PageResult.SeeOther($"/staff/tasks?done={action}");
        }

        var problemKey = outcome.Kind switch
        {
            OutcomeKind.Invalid => $"work.tasks.invalid.{action}",
            OutcomeKind.Conflict => "work.tasks.closed",
            _ => "work.tasks.notFound",
        };
        return await RenderInboxAsync(http, store, time, done: null, problemKey);
    }

    private static async Task<IResult> RenderInboxAsync(HttpContext http, ICollectionsStore store, TimeProvider time, string? done, string? problemKey)
    {
        var tasks = await store.ListOpenStaffTasksAsync(http.RequestAborted);
        var overdueCalls = await store.ListOpenCallTasksAsync(time.GetUtcNow(), http.RequestAborted);
        return PageResult.Render<TaskInbox>(
            http, new { Tasks = tasks, OverdueCalls = overdueCalls, Done = done, ProblemKey = problemKey },
            problemKey is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
