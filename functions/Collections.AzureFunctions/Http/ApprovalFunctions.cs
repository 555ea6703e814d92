using Collections.AzureFunctions.Workflows;
using Collections.Handlers.Approvals;
using Collections.Server.Approvals;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Http;

/// <summary>Approval links from staff emails (server: <c>ApprovalEndpoints</c>): GET only shows the request,
/// POST records the decision once. The email links carry the suggested answer in the path.</summary>
public sealed class ApprovalFunctions(ApprovalHandler approvals)
{
    [Function("ShowApproval")]
    public async Task<IResult> ShowApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        return ApprovalPage.Render(await approvals.GetAsync(token, cancellationToken), afterDecision: false);
    }

    [Function("ShowApprovalWithSuggestion")]
    public async Task<IResult> ShowApprovalWithSuggestion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}/{decision:regex(^(approve|reject)$)}")] HttpRequest request,
        string token,
        string decision,
        CancellationToken cancellationToken)
    {
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        return ApprovalPage.Render(await approvals.GetAsync(token, cancellationToken), afterDecision: false, suggested: decision);
    }

    [Function("DecideApproval")]
    public async Task<IResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        var decision = await ApprovalEndpoints.FormDecisionAsync(request, cancellationToken);
        return ApprovalPage.Render(await approvals.DecideAsync(token, decision, decidedBy: null, cancellationToken), afterDecision: true);
    }

    [Function("DecideApprovalFromLink")]
    public async Task<IResult> DecideApprovalFromLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}/{decision:regex(^(approve|reject)$)}")] HttpRequest request,
        string token,
        string decision,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        var chosen = await ApprovalEndpoints.FormDecisionAsync(request, cancellationToken) ?? decision;
        return ApprovalPage.Render(await approvals.DecideAsync(token, chosen, decidedBy: null, cancellationToken), afterDecision: true);
    }
}
