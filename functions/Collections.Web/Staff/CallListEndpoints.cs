using Collections.Activities;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Storage;
using Collections.Web.Components.Staff;
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
            var notice = saved is null ? null : await SavedNoticeAsync(store, saved, http.RequestAborted);
            return Page(http, await LoadAsync(store, time, http.RequestAborted), PageClock.Today(time), notice: notice);
        });

        staff.MapPost("/calls/{id}/outcome", async (string id, HttpContext http, ICollectionsStore store, TimeProvider time, RecordCallOutcomeHandler handler) =>
        {
            var form = CallOutcomeForm.Read(await http.Request.ReadFormAsync(http.RequestAborted));
            var errors = new FieldErrors();
            var request = form.ToRequest(http.User.Identity?.Name, errors);
            var outcome = errors.Any ? Outcome.Invalid<CallTaskRecord>(errors) : await handler.HandleAsync(id, request, http.RequestAborted);
            var items = await LoadAsync(store, time, http.RequestAborted);
            var today = PageClock.Today(time);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => PageResult.SeeOther($"/staff/calls?saved={Uri.EscapeDataString(id)}"),
                OutcomeKind.Invalid => Page(http, items, today, failed: new FailedOutcomeForm(id, form, outcome.Errors!)),
                OutcomeKind.NotFound => Page(http, items, today, problem: new PageMessage("calls.notFound")),
                OutcomeKind.Gone => Page(http, items, today, problem: await ClosedAsync(store, id, http.RequestAborted)),
                _ => Page(http, items, today, problem: new PageMessage("calls.alreadyDone")),
            };
        });

        return staff;
    }

    private static IResult Page(
        HttpContext http, IReadOnlyList<CallListItem> items, DateOnly today, PageMessage? notice = null, FailedOutcomeForm? failed = null, PageMessage? problem = null) =>
        PageResult.Render<CallList>(
            http, new { Items = items, Today = today, Notice = notice, Failed = failed, Problem = problem },
            failed is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

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
    private static async Task<PageMessage> ClosedAsync(ICollectionsStore store, string taskId, CancellationToken cancellationToken)
    {
        var task = await store.GetCallTaskAsync(taskId, cancellationToken);
        var reason = task is null ? null : CallTaskClosures.ReasonOf(task);
        var index = reason is null ? -1 : CallTaskClosures.All.ToList().IndexOf(reason);
        return new PageMessage("calls.closed", new PageMessage(index < 0 ? "calls.closed.other" : $"calls.closed.{index}"));
    }

    private static async Task<PageMessage?> SavedNoticeAsync(ICollectionsStore store, string taskId, CancellationToken cancellationToken)
    {
        var task = await store.GetCallTaskAsync(taskId, cancellationToken);
        if (task?.Status != CallTaskStatus.Done || task.InvoiceNumbers.Count == 0)
        {
            return null;
        }

        var invoice = await store.GetInvoiceAsync(task.InvoiceNumbers[0], cancellationToken);
        return new PageMessage("calls.saved", invoice?.Invoice.Debtor.Name ?? task.DebtorId);
    }
}
