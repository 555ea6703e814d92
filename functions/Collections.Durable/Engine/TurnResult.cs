namespace Collections.Durable.Engine;

/// <summary>How a turn left the instance.</summary>
internal enum TurnOutcome
{
    Running,
    Completed,
    Failed,
    ContinuedAsNew,
}

/// <summary>Everything one turn produced; the store commits it in one transaction.</summary>
internal sealed record TurnResult(
    string InstanceId,
    long Generation,
    int HistoryStart,
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<long> ConsumedMessageIds,
    IReadOnlyList<PendingAction> NewActions,
    IReadOnlyList<int> CancelledTimers,
    TurnOutcome Outcome,
    string? Output,
    FailureDetails? Failure,
    string? CustomStatus,
    bool CustomStatusChanged,
    IReadOnlyList<string> AwaitedEvents,
    string? ContinueAsNewInput,
    IReadOnlyList<(string Name, string? Payload)> CarriedEvents,
    DateTime Now);
