namespace Collections.Durable;

/// <summary>A page request over instances, ordered by instance id.</summary>
/// <param name="Statuses">Only instances in these statuses; all when null or empty.</param>
/// <param name="PageSize">At most this many instances (1–1000).</param>
/// <param name="ContinuationToken">The token of the previous page, or null for the first.</param>
public sealed record InstanceQuery(
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    int PageSize = 100,
    string? ContinuationToken = null);

/// <summary>One page of instances.</summary>
/// <param name="Instances">The instances of this page.</param>
/// <param name="ContinuationToken">Pass to the next query to get the next page; null on the last page.</param>
public sealed record InstancePage(IReadOnlyList<InstanceStatus> Instances, string? ContinuationToken);
