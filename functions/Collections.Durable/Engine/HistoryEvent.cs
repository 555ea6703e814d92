namespace Collections.Durable.Engine;

/// <summary>The kinds of history events; inbox messages use the same kinds for what they become.</summary>
internal enum HistoryEventKind
{
    ExecutionStarted = 1,
    OrchestratorStarted = 2,
    TaskScheduled = 3,
    TaskCompleted = 4,
    TaskFailed = 5,
    TimerCreated = 6,
    TimerFired = 7,
    EventRaised = 8,
}

/// <summary>
/// One entry of an instance's append-only history. Field use by kind: ExecutionStarted (Name = orchestrator,
/// Payload = input); TaskScheduled (TaskId, Name = activity); TaskCompleted (TaskId, Payload = result);
/// TaskFailed (TaskId, Name = error type, Payload = message); TimerCreated/TimerFired (TaskId, FireAt);
/// EventRaised (Name, Payload).
/// </summary>
internal sealed record HistoryEvent(
    HistoryEventKind Kind,
    DateTime Timestamp,
    int TaskId = -1,
    string? Name = null,
    string? Payload = null,
    DateTime? FireAt = null);

/// <summary>A message waiting in an instance's inbox; it becomes a history event when a turn consumes it.</summary>
internal sealed record InboxMessage(
    long Id,
    HistoryEventKind Kind,
    long? Generation,
    int TaskId,
    string? Name,
    string? Payload,
    DateTime VisibleAt)
{
    public HistoryEvent ToHistoryEvent(DateTime now) => Kind switch
    {
        HistoryEventKind.TimerFired => new HistoryEvent(Kind, now, TaskId, FireAt: VisibleAt),
        _ => new HistoryEvent(Kind, now, TaskId, Name, Payload),
    };
}
