using Collections.Handlers.Calls;
using Collections.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

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
    public Task<IResult> RecordCallOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls/{id}/outcome")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        CallEndpoints.RecordOutcomeAsync(id, request, outcomes, cancellationToken);
}
