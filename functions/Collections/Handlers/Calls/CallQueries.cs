using Collections.Storage;

namespace Collections.Handlers.Calls;

/// <summary>The staff call list: open call tasks due by a moment, earliest first.</summary>
public sealed class CallQueries(ICollectionsStore store)
{
    public async Task<HandlerOutcome<IReadOnlyList<CallTaskRecord>>> ListAsync(DateTimeOffset? dueBy, CancellationToken cancellationToken) =>
        Outcome.Ok(await store.ListOpenCallTasksAsync(dueBy, cancellationToken));
}
