using Collections.Handlers;

namespace Collections.Web.Api;

/// <summary>Maps a handler's decision to HTTP: success codes, or an RFC 7807 problem document
/// (with <c>errors</c> per field for validation failures).</summary>
internal static class HandlerResults
{
    public static IResult ToHttp<T>(this HandlerOutcome<T> outcome, Func<T, string>? location = null) =>
        outcome.Kind switch
        {
            OutcomeKind.Created when location is not null => TypedResults.Created(location(outcome.Value!), outcome.Value),
            OutcomeKind.Created => TypedResults.Json(outcome.Value, statusCode: StatusCodes.Status201Created),
            OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
            OutcomeKind.Accepted => TypedResults.Accepted((string?)null, outcome.Value),
            OutcomeKind.Invalid => Invalid(outcome.Errors!),
            OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", outcome.Detail),
            OutcomeKind.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", outcome.Detail),
            OutcomeKind.Gone => Problem(StatusCodes.Status410Gone, "Gone", outcome.Detail),
            OutcomeKind.Unauthorized => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", outcome.Detail),
            _ => throw new InvalidOperationException($"Unmapped outcome {outcome.Kind}."),
        };

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(), title: "The request is not valid.", detail: "See errors: one entry per offending field.");

    public static IResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
