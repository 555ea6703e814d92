using System.Text.Json;

namespace Collections.Durable;

/// <summary>Starts, queries and controls orchestration instances of one <see cref="DurableRuntime"/>.</summary>
public sealed class DurableClient
{
    private static readonly OrchestrationRuntimeStatus[] Active =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    private readonly DurableRuntime runtime;

    internal DurableClient(DurableRuntime runtime) => this.runtime = runtime;

    private JsonSerializerOptions Json => runtime.Options.JsonSerializerOptions;

    /// <summary>
    /// Starts orchestrator <paramref name="orchestratorName"/> as <paramref name="instanceId"/>. Returns
    /// <see cref="StartOutcome.AlreadyExists"/> (and changes nothing) when that id is Pending, Running or Suspended;
    /// a Completed, Failed or Terminated id is restarted with a fresh history. Events raised to the id before it
    /// existed (within the retention period) are delivered to the new instance.
    /// </summary>
    public Task<StartOutcome> StartAsync(string orchestratorName, string instanceId, object? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (!runtime.Registry.HasOrchestrator(orchestratorName))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        }

        var serialized = Serialize(input);
        return runtime.WriteAsync(
            instanceId,
            store =>
            {
                var now = runtime.UtcNow;
                return store.Start(instanceId, orchestratorName, serialized, now, now - runtime.Options.EventRetention)
                    ? StartOutcome.Started
                    : StartOutcome.AlreadyExists;
            },
            cancellationToken);
    }

    /// <summary>
    /// Raises event <paramref name="eventName"/> (case-insensitive) to <paramref name="instanceId"/>. With an
    /// <paramref name="eventId"/>, the same id raised again to the same instance is dropped, so at-least-once
    /// callers (activities, webhooks) deliver each event once.
    /// </summary>
    public Task<RaiseEventOutcome> RaiseEventAsync(
        string instanceId, string eventName, object? payload = null, string? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var serialized = Serialize(payload);
        return runtime.WriteAsync(
            instanceId,
            store => store.RaiseEvent(instanceId, eventName, serialized, eventId, runtime.UtcNow),
            cancellationToken);
    }

    /// <summary>The instance's status, or null when no instance has that id.</summary>
    public Task<InstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return runtime.UseStoreAsync(store => store.GetStatus(instanceId, Json), cancellationToken);
    }

    /// <summary>Completes when the instance is Completed, Failed or Terminated (the runtime must be started or driven).</summary>
    public Task<InstanceStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return runtime.WaitForCompletionAsync(instanceId, cancellationToken);
    }

    /// <summary>Terminates an active instance with <paramref name="reason"/> (stored as its output); false when not active.</summary>
    public async Task<bool> TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var serialized = Serialize(reason);
        var terminated = await runtime.WriteAsync(instanceId, store => store.Terminate(instanceId, serialized, runtime.UtcNow), cancellationToken);
        if (terminated)
        {
            await runtime.NotifyFinishedAsync(instanceId);
        }

        return terminated;
    }

    /// <summary>Suspends a Pending or Running instance: its messages wait until it is resumed. False when not active.</summary>
    public Task<bool> SuspendAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return runtime.WriteAsync(
            instanceId,
            store => store.ChangeStatus(instanceId, Active, OrchestrationRuntimeStatus.Suspended, runtime.UtcNow),
            cancellationToken);
    }

    /// <summary>Resumes a suspended instance; false when it is not suspended.</summary>
    public Task<bool> ResumeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return runtime.WriteAsync(
            instanceId,
            store => store.ChangeStatus(instanceId, [OrchestrationRuntimeStatus.Suspended], OrchestrationRuntimeStatus.Running, runtime.UtcNow),
            cancellationToken);
    }

    /// <summary>Deletes a Completed, Failed or Terminated instance with its history; false when absent or still active.</summary>
    public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return runtime.WriteAsync(instanceId, store => store.Purge(instanceId), cancellationToken);
    }

    /// <summary>Lists instances (optionally only some statuses), ordered by id, one page at a time.</summary>
    public Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "PageSize must be between 1 and 1000.");
        }

        return runtime.UseStoreAsync(store => store.Query(query, Json), cancellationToken);
    }

    private string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);
}
