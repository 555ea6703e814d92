using Collections.Handlers;
using Collections.Handlers.Approvals;
using Collections.Storage;
using Collections.Web.Components.Approvals;
using Collections.Web.Pages;

namespace Collections.Web.Approvals;

/// <summary>The page behind approval links. It reads the claim's facts when it executes, so the endpoint methods
/// (which the Azure Functions app calls too) need only the handler's outcome.</summary>
internal sealed class ApprovalPageResult(HandlerOutcome<ApprovalView> outcome, bool afterDecision, string? suggested = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var view = outcome.Value;
        var facts = view?.Invoice is { } record
            ? await ApprovalFacts.LoadAsync(
                httpContext.RequestServices.GetRequiredService<ICollectionsStore>(), record,
                httpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), httpContext.RequestAborted)
            : null;
        var (kind, status) = outcome.Kind switch
        {
            OutcomeKind.Ok when view!.Decision is null => (ApprovalPageKind.Request, StatusCodes.Status200OK),
            OutcomeKind.Ok when afterDecision => (ApprovalPageKind.Done, StatusCodes.Status200OK),
            OutcomeKind.Ok => (ApprovalPageKind.Decided, StatusCodes.Status200OK),
            OutcomeKind.Conflict => (ApprovalPageKind.Conflict, StatusCodes.Status409Conflict),
            OutcomeKind.Gone => (ApprovalPageKind.Expired, StatusCodes.Status410Gone),
            OutcomeKind.Invalid => (ApprovalPageKind.NoDecision, StatusCodes.Status400BadRequest),
            _ => (ApprovalPageKind.Invalid, StatusCodes.Status404NotFound),
        };

        await PageResult.Render<ApprovalPage>(httpContext, new { Kind = kind, View = view, Facts = facts, Suggested = suggested }, status)
            .ExecuteAsync(httpContext);
    }
}
