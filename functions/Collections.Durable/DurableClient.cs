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
    /// Starts orchestrator <paramref name="orchestratorName"/> once per id in one client write (one transaction:
    /// all of them or, when it fails, none). An id that exists in any state, finished ones included, is left as it
    /// is and answers <see cref="StartOutcome.AlreadyExists"/>, so a repeated call starts nothing twice. The outcomes
    /// keep the order of <paramref name="instances"/>; a repeated id in the list answers AlreadyExists after its first.
    /// </summary>
    public Task<IReadOnlyList<StartOutcome>> StartManyAsync(
        string orchestratorName, IReadOnlyList<InstanceStart> instances, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        ArgumentNullException.ThrowIfNull(instances);
        if (!runtime.Registry.HasOrchestrator(orchestratorName))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        }

        var serialized = instances.Select(instance =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(instance?.InstanceId, nameof(instances));
            return (instance.InstanceId, Input: Serialize(instance.Input));
        }).ToList();
        return runtime.WriteAsync<IReadOnlyList<StartOutcome>>(
            null,
            store =>
            {
                var now = runtime.UtcNow;
                var cutoff = now - runtime.Options.EventRetention;
                return [.. serialized.Select(instance => store.StartNew(instance.InstanceId, orchestratorName, instance.Input, now, cutoff)
                    ? StartOutcome.Started
                    : StartOutcome.AlreadyExists)];
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
            null,
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
            null,
            store => store.ChangeStatus(instanceId, Active, OrchestrationRuntimeStatus.Suspended, runtime.UtcNow),
            cancellationToken);
    }

    /// <summary>Resumes a suspended instance; false when it is not suspended.</summary>
    public Task<bool> ResumeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return runtime.WriteAsync(
            null,
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
