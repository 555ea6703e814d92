using Collections.AzureFunctions.Workflows;

namespace Collections.AzureFunctions.Tests.Workflows;

/// <summary>An engine's instance table as Durable Task behaves: scheduling an id that is active fails with
/// "already exists", scheduling a finished id restarts it, events for inactive instances are refused.
/// Records every schedule and every delivered event.</summary>
internal sealed class FakeInstances
{
    private readonly Dictionary<string, string> statuses = [];

    public List<string> Scheduled { get; } = [];

    public List<(string InstanceId, string Payload)> Raised { get; } = [];

    /// <summary>Runs just before the next schedule or raise reaches the engine (a concurrent caller, a finishing instance).</summary>
    public Action? BeforeNextCall { get; set; }

    public void Set(string instanceId, string status) => statuses[instanceId] = status;

    public string? StatusOf(string instanceId) => statuses.GetValueOrDefault(instanceId);

    public Task<bool> ExistsAsync(string instanceId) => Task.FromResult(statuses.ContainsKey(instanceId));

    public Task<string?> StatusAsync(string instanceId) => Task.FromResult(StatusOf(instanceId));

    public Task ScheduleAsync(string instanceId)
    {
        RunInterleaving();
        if (statuses.TryGetValue(instanceId, out var status) && DurableRuntimeStatus.IsActive(status))
        {
            throw new InvalidOperationException($"An orchestration with instance id '{instanceId}' already exists.");
        }

        statuses[instanceId] = DurableRuntimeStatus.Pending;
        Scheduled.Add(instanceId);
        return Task.CompletedTask;
    }

    public Task RaiseAsync(string instanceId, string payload)
    {
        RunInterleaving();
        if (!statuses.TryGetValue(instanceId, out var status) || !DurableRuntimeStatus.IsActive(status))
        {
            throw new InvalidOperationException($"No running instance '{instanceId}'.");
        }

        Raised.Add((instanceId, payload));
        return Task.CompletedTask;
    }

    private void RunInterleaving()
    {
        var interleaving = BeforeNextCall;
        BeforeNextCall = null;
        interleaving?.Invoke();
    }
}
