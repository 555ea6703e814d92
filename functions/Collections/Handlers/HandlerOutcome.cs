namespace Collections.Handlers;

/// <summary>What a handler decided, independent of the host: each host maps the kind to its own
/// status codes (the server maps <see cref="OutcomeKind.Invalid"/> to a 400 problem document).</summary>
/// <param name="Errors">Per request field (JSON path such as <c>debtor.phone</c>) when <see cref="OutcomeKind.Invalid"/>.</param>
/// <param name="Detail">A human-readable reason for NotFound, Conflict, Gone and Unauthorized.</param>
public sealed record HandlerOutcome<T>(
    OutcomeKind Kind,
    T? Value = default,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Detail = null);

public enum OutcomeKind
{
    /// <summary>A new resource was stored.</summary>
    Created,

    /// <summary>Done, or already done before with the same request (idempotent repeat).</summary>
    Ok,

    /// <summary>Recorded; it takes effect later (e.g. a payment for an invoice not received yet).</summary>
    Accepted,

    Invalid,
    NotFound,

    /// <summary>The request contradicts what is stored (another body for the same number, a decided approval).</summary>
    Conflict,

    /// <summary>The resource existed but can no longer be used (an expired approval link).</summary>
    Gone,

    /// <summary>The caller's authenticity check failed (a webhook signature).</summary>
    Unauthorized,
}

/// <summary>Factory methods, so handlers read <c>Outcome.Created(view)</c>.</summary>
public static class Outcome
{
    public static HandlerOutcome<T> Created<T>(T value) => new(OutcomeKind.Created, value);

    public static HandlerOutcome<T> Ok<T>(T value) => new(OutcomeKind.Ok, value);

    public static HandlerOutcome<T> Accepted<T>(T value) => new(OutcomeKind.Accepted, value);

    public static HandlerOutcome<T> Invalid<T>(FieldErrors errors) => new(OutcomeKind.Invalid, Errors: errors.ToDictionary());

    public static HandlerOutcome<T> Invalid<T>(string field, string message) => Invalid<T>(new FieldErrors().Add(field, message));

    public static HandlerOutcome<T> NotFound<T>(string detail) => new(OutcomeKind.NotFound, Detail: detail);

    public static HandlerOutcome<T> Conflict<T>(string detail) => new(OutcomeKind.Conflict, Detail: detail);

    public static HandlerOutcome<T> Gone<T>(string detail) => new(OutcomeKind.Gone, Detail: detail);

    public static HandlerOutcome<T> Unauthorized<T>(string detail) => new(OutcomeKind.Unauthorized, Detail: detail);
}
