using Collections.Handlers;
using Collections.Handlers.Tasks;
using Collections.Storage;
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
            var page = PageContext.For(http);
            var (search, invalid) = InvoiceListForm.Read(http.Request.Query, PageClock.Today(time));
            var error = invalid is null ? null : page.T["work.list.badOverdue"];
            InvoiceSearchPage? found = null;
            if (error is null)
            {
                try
                {
                    found = await store.SearchInvoicesAsync(search, http.RequestAborted);
                }
                catch (ArgumentException)
                {
                    error = page.T["work.list.badPage"];
                }
            }

            return InvoiceListPage.Render(page, search, found, error);
        });

        staff.MapGet("/debtors/{debtorId}", async (string debtorId, HttpContext http, ICollectionsStore store) =>
        {
            var page = PageContext.For(http);
            var invoices = await store.ListInvoicesOfDebtorAsync(debtorId, http.RequestAborted);
            if (invoices.Count == 0)
            {
                return Html.Page(page, page.T["work.debtor.notFound"], $"<h1>{Html.Encode(page.T["work.debtor.notFound"])}</h1>", StatusCodes.Status404NotFound, staffNavigation: true);
            }

            var contacts = await store.ListContactsOfDebtorAsync(debtorId, http.RequestAborted);
            var tasks = await store.ListStaffTasksOfDebtorAsync(debtorId, http.RequestAborted);
            var calls = await store.ListCallTasksOfDebtorAsync(debtorId, http.RequestAborted);
            return DebtorViewPage.Render(page, invoices, contacts, tasks, calls);
        });

        staff.MapGet("/tasks", async (HttpContext http, string? done, ICollectionsStore store, TimeProvider time) =>
            await RenderInboxAsync(PageContext.For(http), store, time, done is "assign" or "close" ? done : null, problem: null));

        staff.MapPost("/tasks/{id}/assign", async (string id, HttpContext http, ICollectionsStore store, TimeProvider time, StaffTaskHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var outcome = await handler.AssignAsync(id, form["assignee"].ToString(), http.RequestAborted);
            return await AfterAsync(PageContext.For(http), store, time, outcome, "assign");
        });

        staff.MapPost("/tasks/{id}/close", async (string id, HttpContext http, ICollectionsStore store, TimeProvider time, StaffTaskHandler handler) =>
        {
            var page = PageContext.For(http);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var outcome = await handler.CloseAsync(id, form["note"].ToString(), page.StaffName ?? "staff", http.RequestAborted);
            return await AfterAsync(page, store, time, outcome, "close");
        });

        return staff;
    }

    private static async Task<IResult> AfterAsync(PageContext page, ICollectionsStore store, TimeProvider time, HandlerOutcome<StaffTaskRecord> outcome, string action)
    {
        if (outcome.Succeeded)
        {
            return PageResult.SeeOther($"/staff/tasks?done={action}");
        }

        var problem = outcome.Kind == OutcomeKind.Invalid ? page.T[$"work.tasks.invalid.{action}"] : outcome.Detail ?? page.T["work.tasks.notFound"];
        return await RenderInboxAsync(page, store, time, done: null, problem);
    }

    private static async Task<IResult> RenderInboxAsync(PageContext page, ICollectionsStore store, TimeProvider time, string? done, string? problem)
    {
        var now = time.GetUtcNow();
        var tasks = await store.ListOpenStaffTasksAsync(page.Http.RequestAborted);
        var overdueCalls = await store.ListOpenCallTasksAsync(now, page.Http.RequestAborted);
        return TaskInboxPage.Render(page, tasks, overdueCalls, done, problem);
    }
}
