namespace Collections.Workflow;

/// <summary>
/// The workflow port. Mirrors Durable Task's <c>TaskOrchestrationContext</c> so that both hosts
/// (Durable Functions in Azure, the embedded runtime elsewhere) adapt to it with a thin layer.
/// Workflow code must be deterministic: no wall clock, random GUIDs, Task.Delay, Task.Run or I/O.
/// </summary>
public interface IWorkflowContext
{
    /// <summary>The workflow instance id (derived from the invoice or the debtor).</summary>
    string InstanceId { get; }

    /// <summary>Deterministic: the time of the history event being processed.</summary>
    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    /// <summary>Throws <see cref="ActivityFailedException"/> when the activity failed after its retries.</summary>
    Task<T> CallActivityAsync<T>(string name, object? input = null, RetryPolicy? retry = null);

    Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellation);

    /// <summary>Waits for a named event; events that arrived earlier are buffered by name, in order.</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellation);

    void SetCustomStatus(object? status);

    void ContinueAsNew(object? input);

    /// <summary>Deterministic: the same value on every replay.</summary>
    Guid NewGuid();
}
