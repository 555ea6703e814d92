using Collections.Handlers.Approvals;
using Collections.Web.Approvals;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Http;

/// <summary>Approval links from staff emails: the server's own endpoint methods (<c>ApprovalEndpoints</c>), with
/// the headers its route group adds. GET only shows the request; POST records the decision once.</summary>
public sealed class ApprovalFunctions(ApprovalHandler approvals)
{
    [Function("ShowApproval")]
    public Task<IResult> ShowApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        return ApprovalEndpoints.ShowAsync(token, approvals, cancellationToken);
    }

    [Function("ShowApprovalWithSuggestion")]
    public Task<IResult> ShowApprovalWithSuggestion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}/{decision:regex(^(approve|reject)$)}")] HttpRequest request,
        string token,
        string decision,
        CancellationToken cancellationToken)
    {
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        return ApprovalEndpoints.ShowSuggestedAsync(token, decision, approvals, cancellationToken);
    }

    [Function("DecideApproval")]
    public Task<IResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        return ApprovalEndpoints.DecideAsync(token, request, approvals, cancellationToken);
    }

    [Function("DecideApprovalFromLink")]
    public Task<IResult> DecideApprovalFromLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}/{decision:regex(^(approve|reject)$)}")] HttpRequest request,
        string token,
        string decision,
        CancellationToken cancellationToken)
    {
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        return ApprovalEndpoints.DecideFromLinkAsync(token, decision, request, approvals, cancellationToken);
    }
}
