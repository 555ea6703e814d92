using Collections.Durable.Engine;

namespace Collections.Durable.Storage;

/// <summary>The parts of an instance row the engine needs to run a turn.</summary>
internal sealed record InstanceRow(string Id, string Name, OrchestrationRuntimeStatus Status, long Generation);

/// <summary>One leased activity attempt.</summary>
internal sealed record WorkItem(
    long Id,
    string InstanceId,
    long Generation,
    int TaskId,
    string Name,
    string? Input,
    ActivityRetryOptions? Retry,
    int Attempt,
    DateTime FirstScheduledAt);

/// <summary>How an activity attempt ended: with a result, or with a failure.</summary>
internal sealed record ActivityResult(WorkItem Item, string? Output, FailureDetails? Failure);

/// <summary>Status-row changes of a turn, with the turn's history and messages.</summary>
internal sealed record TurnToWrite(TurnResult Result, string OrchestratorName);
