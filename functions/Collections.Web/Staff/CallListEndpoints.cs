using Collections.Activities;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary><c>/staff/calls</c>: today's call list; outcomes go through the same handler as
/// <c>POST /api/calls/{id}/outcome</c>, so the workflow hears about them at once.</summary>
internal static class CallListEndpoints
{
    public static RouteGroupBuilder MapCallList(this RouteGroupBuilder staff)
    {
        staff.MapGet("/calls", async (HttpContext http, string? saved, ICollectionsStore store, TimeProvider time) =>
        {
            var page = PageContext.For(http);
            var notice = saved is null ? null : await SavedNoticeAsync(page.T, store, saved, http.RequestAborted);
            return CallListPage.Render(page, await LoadAsync(store, time, http.RequestAborted), PageClock.Today(time), notice);
        });

        staff.MapPost("/calls/{id}/outcome", async (string id, HttpContext http, ICollectionsStore store, TimeProvider time, RecordCallOutcomeHandler handler) =>
        {
            var page = PageContext.For(http);
            var form = CallOutcomeForm.Read(await http.Request.ReadFormAsync(http.RequestAborted));
            var errors = new FieldErrors();
            var request = form.ToRequest(page.StaffName, errors);
            var outcome = errors.Any ? Outcome.Invalid<CallTaskRecord>(errors) : await handler.HandleAsync(id, request, http.RequestAborted);
            var items = await LoadAsync(store, time, http.RequestAborted);
            var today = PageClock.Today(time);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => PageResult.SeeOther($"/staff/calls?saved={Uri.EscapeDataString(id)}"),
                OutcomeKind.Invalid => CallListPage.Render(page, items, today, notice: null, new CallListPage.FailedForm(id, form, outcome.Errors!)),
                OutcomeKind.NotFound => CallListPage.Render(page, items, today, notice: null, problem: page.T["calls.notFound"]),
                OutcomeKind.Gone => CallListPage.Render(page, items, today, notice: null, problem: await ClosedAsync(page.T, store, id, http.RequestAborted)),
                _ => CallListPage.Render(page, items, today, notice: null, problem: page.T["calls.alreadyDone"]),
            };
        });

        return staff;
    }

    /// <summary>Open tasks due by the end of today (Dutch time), earliest first; overdue ones stay on.</summary>
    private static async Task<IReadOnlyList<CallListItem>> LoadAsync(ICollectionsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var tasks = await store.ListOpenCallTasksAsync(PageClock.EndOfDay(PageClock.Today(time)), cancellationToken);
        var items = new List<CallListItem>();
        foreach (var task in tasks)
        {
            if (await CallListItem.LoadAsync(store, task, cancellationToken) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>The workflow took the task off the list: say why, in the page's language.</summary>
    private static async Task<string> ClosedAsync(Texts t, ICollectionsStore store, string taskId, CancellationToken cancellationToken)
    {
        var task = await store.GetCallTaskAsync(taskId, cancellationToken);
        var reason = task is null ? null : CallTaskClosures.ReasonOf(task);
        var index = reason is null ? -1 : CallTaskClosures.All.ToList().IndexOf(reason);
        return t.Format("calls.closed", t[index < 0 ? "calls.closed.other" : $"calls.closed.{index}"]);
    }

    private static async Task<string?> SavedNoticeAsync(Texts t, ICollectionsStore store, string taskId, CancellationToken cancellationToken)
    {
        var task = await store.GetCallTaskAsync(taskId, cancellationToken);
        if (task?.Status != CallTaskStatus.Done || task.InvoiceNumbers.Count == 0)
        {
            return null;
        }

        var invoice = await store.GetInvoiceAsync(task.InvoiceNumbers[0], cancellationToken);
        return t.Format("calls.saved", invoice?.Invoice.Debtor.Name ?? task.DebtorId);
    }
}
