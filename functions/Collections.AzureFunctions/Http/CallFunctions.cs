using Collections.AzureFunctions.Workflows;
using Collections.Handlers.Calls;
using Collections.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Http;

/// <summary>The staff call list and call outcomes: the server's own endpoint methods (<c>CallEndpoints</c>).</summary>
public sealed class CallFunctions(CallQueries queries, RecordCallOutcomeHandler outcomes)
{
    [Function("ListCalls")]
    public Task<IResult> ListCalls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls")] HttpRequest request,
        CancellationToken cancellationToken) =>
        CallEndpoints.ListAsync(request.Query["due"], queries, cancellationToken);

    [Function("RecordCallOutcome")]
    public async Task<IResult> RecordCallOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls/{id}/outcome")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await CallEndpoints.RecordOutcomeAsync(id, request, outcomes, cancellationToken);
    }
}
