using Microsoft.Extensions.Logging;

namespace Collections.Durable;

/// <summary>
/// What orchestrator code sees. The code is replayed over the instance's history on every turn, so it must be
/// deterministic: use only this context's clock, timers and GUIDs, and do all I/O in activities. Never use
/// <c>ConfigureAwait(false)</c>, <c>Task.Run</c> or <c>Task.Delay</c> in orchestrator code.
/// </summary>
public abstract class OrchestrationContext
{
    /// <summary>The instance id the caller chose at start.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The registered orchestrator name.</summary>
    public abstract string Name { get; }

    /// <summary>Deterministic UTC time: the time of the turn being (re)played, identical on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code is re-executing history that was already committed.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Deserializes the input the instance was started (or continued-as-new) with.</summary>
    public abstract T? GetInput<T>();

    /// <summary>
    /// Schedules activity <paramref name="name"/>; the task completes with its result, or throws
    /// <see cref="TaskFailedException"/> once all attempts allowed by <paramref name="retry"/> failed.
    /// </summary>
    public abstract Task<T> CallActivityAsync<T>(string name, object? input = null, ActivityRetryOptions? retry = null);

    /// <summary>Schedules an activity whose result is not needed.</summary>
    public Task CallActivityAsync(string name, object? input = null, ActivityRetryOptions? retry = null) =>
        CallActivityAsync<object?>(name, input, retry);

    /// <summary>
    /// A durable timer that completes at <paramref name="fireAtUtc"/>. Cancelling the token removes the timer
    /// and cancels the task; always cancel the timer that lost a race.
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the next event named <paramref name="name"/> (case-insensitive). Events that arrived earlier are
    /// buffered by name in arrival order. A cancelled wait never consumes a later event.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default);

    /// <summary>Sets the custom status clients see (serialized JSON, at most 16 KB).</summary>
    public abstract void SetCustomStatus(object? status);

    /// <summary>
    /// Restarts this instance with a fresh history and <paramref name="input"/> once the orchestrator returns.
    /// Pending timers are discarded; events received but not yet consumed are carried over.
    /// </summary>
    public abstract void ContinueAsNew(object? input);

    /// <summary>A GUID that is the same on every replay (name-based, from the instance id, the turn time and a counter).</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays silent while the code replays, so each line is written once.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);
}
