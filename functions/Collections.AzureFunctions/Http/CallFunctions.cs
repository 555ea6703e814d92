using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Server.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Http;

/// <summary>The staff call list and call outcomes (server: <c>CallEndpoints</c>).</summary>
public sealed class CallFunctions(CallQueries queries, RecordCallOutcomeHandler outcomes)
{
    [Function("ListCalls")]
    public async Task<IResult> ListCalls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var dueBy = QueryValues.Moment(request.Query["due"], "due", errors);
        return errors.Any
            ? HandlerResults.Invalid(errors.ToDictionary())
            : (await queries.ListAsync(dueBy, cancellationToken)).ToHttp();
    }

    [Function("RecordCallOutcome")]
    public async Task<IResult> RecordCallOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls/{id}/outcome")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        var (outcome, problem) = await RequestBody.ReadJsonAsync<CallOutcomeRequest>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await outcomes.HandleAsync(id, outcome!, cancellationToken)).ToHttp();
    }
}
