using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Collections.Durable.Engine;

/// <summary>
/// The context handed to orchestrator code. It records the actions the code schedules, matches them against
/// history while replaying, and completes the code's tasks as history events are applied.
/// </summary>
internal sealed class ReplayOrchestrationContext(
    string instanceId,
    string name,
    JsonSerializerOptions json,
    ILoggerFactory loggerFactory) : OrchestrationContext
{
    /// <summary>Durable Task's limit on the custom status.</summary>
    public const int MaxCustomStatusBytes = 16 * 1024;

    private readonly Dictionary<int, OpenTask> openTasks = [];
    private readonly SortedDictionary<int, PendingAction> unconfirmed = [];
    private readonly List<BufferedEvent> bufferedEvents = [];
    private readonly List<EventWaiter> waiters = [];
    private readonly List<int> cancelledTimers = [];
    private int nextTaskId;
    private int guidCounter;
    private long eventArrivals;

    public override string InstanceId => instanceId;

    public override string Name => name;

    public override DateTime CurrentUtcDateTime => Now;

    public override bool IsReplaying => Replaying;

    public DateTime Now { get; set; }

    public bool Replaying { get; set; }

    public string? Input { get; set; }

    public string? CustomStatus { get; private set; }

    public bool CustomStatusChanged { get; set; }

    public bool ContinuedAsNew { get; private set; }

    public string? ContinueAsNewInput { get; private set; }

    public override T? GetInput<T>() where T : default =>
        Input is null ? default : JsonSerializer.Deserialize<T>(Input, json);

    public override Task<T> CallActivityAsync<T>(string name, object? input = null, ActivityRetryOptions? retry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        retry?.Validate();
        var taskId = nextTaskId++;
        var serializedInput = input is null ? null : JsonSerializer.Serialize(input, input.GetType(), json);
        unconfirmed.Add(taskId, new PendingAction(taskId, ActionKind.CallActivity, name, serializedInput, null, retry));
        var task = new ActivityTask<T>(name, taskId, json);
        openTasks.Add(taskId, task);
        return task.Task;
    }

    public override Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
    {
        var taskId = nextTaskId++;
        var fireAt = DateTime.SpecifyKind(fireAtUtc, DateTimeKind.Utc);
        unconfirmed.Add(taskId, new PendingAction(taskId, ActionKind.CreateTimer, null, null, fireAt, null));
        var timer = new TimerTask();
        openTasks.Add(taskId, timer);
        if (cancellationToken.CanBeCanceled)
        {
            // Through the turn's synchronization context, so a cancel from another thread is caught, not run.
            timer.Registration = cancellationToken.Register(
                () =>
                {
                    if (openTasks.Remove(taskId) && timer.Source.TrySetCanceled(cancellationToken))
                    {
                        cancelledTimers.Add(taskId);
                    }
                },
                useSynchronizationContext: true);
        }

        return timer.Source.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var index = bufferedEvents.FindIndex(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = bufferedEvents[index];
            bufferedEvents.RemoveAt(index);
            return Task.FromResult(Deserialize<T>(buffered.Payload));
        }

        var waiter = new EventWaiter<T>(name, json);
        waiters.Add(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled waiter leaves the queue at once, so it can never take a later event (durabletask-dotnet #508).
            waiter.Registration = cancellationToken.Register(
                () =>
                {
                    if (waiters.Remove(waiter))
                    {
                        waiter.Source.TrySetCanceled(cancellationToken);
                    }
                },
                useSynchronizationContext: true);
        }

        return waiter.Source.Task;
    }

    public override void SetCustomStatus(object? status)
    {
        var serialized = status is null ? null : JsonSerializer.Serialize(status, status.GetType(), json);
        if (serialized is not null && Encoding.UTF8.GetByteCount(serialized) > MaxCustomStatusBytes)
        {
            throw new ArgumentException($"The custom status must be at most {MaxCustomStatusBytes} bytes of JSON.", nameof(status));
        }

        CustomStatus = serialized;
        CustomStatusChanged = true;
    }

    public override void ContinueAsNew(object? input)
    {
        ContinuedAsNew = true;
        ContinueAsNewInput = input is null ? null : JsonSerializer.Serialize(input, input.GetType(), json);
    }

    public override Guid NewGuid() =>
        DeterministicGuid.FromName(string.Create(
            CultureInfo.InvariantCulture,
            $"{instanceId}_{Now:o}_{guidCounter++}"));

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(loggerFactory.CreateLogger(categoryName), this);

    /// <summary>History says action <paramref name="taskId"/> was scheduled; the code must have scheduled the same.</summary>
    public void ConfirmAction(int taskId, ActionKind kind, string? activityName)
    {
        if (!unconfirmed.Remove(taskId, out var action))
        {
            throw NonDeterminism(Describe(kind, activityName, taskId), "scheduled nothing with that task id");
        }

        if (action.Kind != kind || (kind == ActionKind.CallActivity && !string.Equals(action.Name, activityName, StringComparison.OrdinalIgnoreCase)))
        {
            throw NonDeterminism(Describe(kind, activityName, taskId), "scheduled " + action.Describe());
        }
    }

    /// <summary>Completes the code's task for <paramref name="taskId"/>, if it is still open.</summary>
    public void CompleteTask(int taskId, string? result)
    {
        if (openTasks.Remove(taskId, out var task))
        {
            task.Complete(result);
        }
    }

    /// <summary>Fails the code's activity task for <paramref name="taskId"/>, if it is still open.</summary>
    public void FailTask(int taskId, FailureDetails failure)
    {
        if (openTasks.Remove(taskId, out var task))
        {
            task.Fail(failure);
        }
    }

    /// <summary>Gives the event to the oldest waiter for its name, or buffers it.</summary>
    public void DeliverEvent(string eventName, string? payload)
    {
        var index = waiters.FindIndex(w => string.Equals(w.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            bufferedEvents.Add(new BufferedEvent(eventArrivals++, eventName, payload));
            return;
        }

        var waiter = waiters[index];
        waiters.RemoveAt(index);
        waiter.Deliver(payload);
    }

    /// <summary>The actions the code scheduled that history does not contain yet, in program order; they count as recorded after this call.</summary>
    public IReadOnlyList<PendingAction> TakeNewActions()
    {
        var actions = unconfirmed.Values.ToList();
        unconfirmed.Clear();
        return actions;
    }

    /// <summary>Timers cancelled since the last call: their inbox messages must be removed.</summary>
    public IReadOnlyList<int> TakeCancelledTimers()
    {
        var cancelled = cancelledTimers.ToList();
        cancelledTimers.Clear();
        return cancelled;
    }

    /// <summary>Names of the events the code is waiting for now.</summary>
    public IReadOnlyList<string> AwaitedEventNames() =>
        waiters.Select(w => w.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Events received but not consumed, in arrival order (carried over by ContinueAsNew).</summary>
    public IReadOnlyList<(string Name, string? Payload)> UnconsumedEvents() =>
        bufferedEvents.OrderBy(e => e.Arrival).Select(e => (e.Name, e.Payload)).ToList();

    private T Deserialize<T>(string? payload) => payload is null ? default! : JsonSerializer.Deserialize<T>(payload, json)!;

    private NonDeterministicOrchestrationException NonDeterminism(string expected, string found) =>
        new($"Orchestration instance '{instanceId}' ('{name}') is non-deterministic: its history has {expected}, but the code now {found}.");

    private static string Describe(ActionKind kind, string? activityName, int taskId) => kind == ActionKind.CallActivity
        ? $"activity '{activityName}' (task {taskId})"
        : $"timer (task {taskId})";

    private sealed record BufferedEvent(long Arrival, string Name, string? Payload);

    private abstract class OpenTask
    {
        public abstract void Complete(string? result);

        public abstract void Fail(FailureDetails failure);
    }

    private sealed class ActivityTask<T>(string name, int taskId, JsonSerializerOptions json) : OpenTask
    {
        public TaskCompletionSource<T> Source { get; } = new();

        public Task<T> Task => Source.Task;

        public override void Complete(string? result)
        {
            try
            {
                Source.TrySetResult(result is null ? default! : JsonSerializer.Deserialize<T>(result, json)!);
            }
            catch (JsonException exception)
            {
                Source.TrySetException(exception);
            }
        }

        public override void Fail(FailureDetails failure) =>
            Source.TrySetException(new TaskFailedException(name, taskId, failure));
    }

    private sealed class TimerTask : OpenTask
    {
        public TaskCompletionSource Source { get; } = new();

        public CancellationTokenRegistration Registration { get; set; }

        public override void Complete(string? result)
        {
            Registration.Dispose();
            Source.TrySetResult();
        }

        public override void Fail(FailureDetails failure) => Source.TrySetException(new InvalidOperationException(failure.ToString()));
    }

    private abstract class EventWaiter(string name)
    {
        public string Name { get; } = name;

        public CancellationTokenRegistration Registration { get; set; }

        public abstract void Deliver(string? payload);
    }

    private sealed class EventWaiter<T>(string name, JsonSerializerOptions json) : EventWaiter(name)
    {
        public TaskCompletionSource<T> Source { get; } = new();

        public override void Deliver(string? payload)
        {
            Registration.Dispose();
            try
            {
                Source.TrySetResult(payload is null ? default! : JsonSerializer.Deserialize<T>(payload, json)!);
            }
            catch (JsonException exception)
            {
                Source.TrySetException(exception);
            }
        }
    }
}
