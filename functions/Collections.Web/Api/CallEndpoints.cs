using Collections.Handlers;
using Collections.Handlers.Calls;

namespace Collections.Web.Api;

/// <summary>The staff call list and call outcomes. Each endpoint is a named method, so the Azure Functions app
/// binds the same code.</summary>
internal static class CallEndpoints
{
    public static RouteGroupBuilder MapCallEndpoints(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls").WithTags("Calls");

        calls.MapGet("/", ListAsync)
            .WithSummary("Open call tasks due by the given date or moment (all open ones without it), earliest first.");

        calls.MapPost("/{id}/outcome", RecordOutcomeAsync)
            .Accepts<CallOutcomeRequest>("application/json")
            .WithSummary("Record what came out of a call; the workflow continues from it.");

        return api;
    }

    internal static async Task<IResult> ListAsync(string? due, CallQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var dueBy = QueryValues.Moment(due, "due", errors);
        return errors.Any
            ? HandlerResults.Invalid(errors.ToDictionary())
            : (await queries.ListAsync(dueBy, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> RecordOutcomeAsync(string id, HttpRequest request, RecordCallOutcomeHandler handler, CancellationToken cancellationToken)
    {
        var (outcome, problem) = await RequestBody.ReadJsonAsync<CallOutcomeRequest>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await handler.HandleAsync(id, outcome!, cancellationToken)).ToHttp();
    }
}
