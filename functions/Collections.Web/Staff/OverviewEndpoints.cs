using Collections.Storage;
using Collections.Web.Components.Staff;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

internal static class OverviewEndpoints
{
    public static RouteGroupBuilder MapOverview(this RouteGroupBuilder staff)
    {
        staff.MapGet("/overview", async (HttpContext http, ICollectionsStore store, TimeProvider time) =>
        {
            var figures = await OverviewFigures.LoadAsync(store, PageClock.EndOfDay(PageClock.Today(time)), http.RequestAborted);
            var approvals = await store.ListPendingApprovalsAsync(http.RequestAborted);
            return PageResult.Render<Overview>(http, new { Figures = figures, Approvals = approvals });
        });
        return staff;
    }
}
