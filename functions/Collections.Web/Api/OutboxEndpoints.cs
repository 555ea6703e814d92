using Collections.Handlers;
using Collections.Storage;

namespace Collections.Web.Api;

/// <summary>The local outbox: every message the server "sent" while no real channel is configured.</summary>
internal static class OutboxEndpoints
{
    private const int PageSize = 50;

    public static RouteGroupBuilder MapOutboxEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/outbox", ListAsync)
            .WithTags("Outbox")
            .WithSummary("Outbox messages, newest first, 50 per page.");

        return api;
    }

    internal static async Task<IResult> ListAsync(string? page, ICollectionsStore store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var pageNumber = QueryValues.Integer(page, "page", errors) ?? 1;
        if (pageNumber < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }

        return errors.Any
            ? HandlerResults.Invalid(errors.ToDictionary())
            : TypedResults.Ok(await store.ListOutboxAsync(pageNumber, PageSize, cancellationToken));
    }
}
