using Collections.AzureFunctions.Workflows;
using Collections.Handlers.Approvals;
using Collections.Server.Approvals;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Http;

/// <summary>Approval links from staff emails (server: <c>ApprovalEndpoints</c>): GET shows, POST decides once.</summary>
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

    [Function("DecideApproval")]
    public async Task<IResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        ApprovalEndpoints.KeepTokenPrivate(request.HttpContext.Response.Headers);
        string? decision = null;
        if (request.HasFormContentType)
        {
            decision = (await request.ReadFormAsync(cancellationToken))["decision"].ToString();
        }

        return ApprovalPage.Render(await approvals.DecideAsync(token, decision, decidedBy: null, cancellationToken), afterDecision: true);
    }
}
