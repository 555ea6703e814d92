namespace Collections.Durable;

/// <summary>The lifecycle state of an orchestration instance (Durable Task's names).</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Started, but its first turn has not run yet.</summary>
    Pending = 0,

    /// <summary>Running or waiting for an activity, timer or event.</summary>
    Running = 1,

    /// <summary>Suspended by a client: messages are kept but not processed until resumed.</summary>
    Suspended = 2,

    /// <summary>The orchestrator returned.</summary>
    Completed = 3,

    /// <summary>The orchestrator threw, or its code no longer matched its history.</summary>
    Failed = 4,

    /// <summary>Terminated by a client.</summary>
    Terminated = 5,
}
