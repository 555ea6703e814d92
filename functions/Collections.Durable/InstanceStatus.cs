using System.Text.Json;

namespace Collections.Durable;

/// <summary>A snapshot of one orchestration instance, including what it is waiting for.</summary>
public sealed record InstanceStatus
{
    internal JsonSerializerOptions Json { get; init; } = JsonSerializerOptions.Default;

    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>Pending, Running, Suspended, Completed, Failed or Terminated.</summary>
    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>The input of the current generation as JSON.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The output as JSON (for Terminated: the reason).</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The custom status the orchestrator last set, as JSON.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why the instance failed, when it did.</summary>
    public FailureDetails? Failure { get; init; }

    /// <summary>When the instance was (last) started.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the status row last changed.</summary>
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>When the earliest pending durable timer fires, if any.</summary>
    public DateTimeOffset? NextTimerAt { get; init; }

    /// <summary>The event names the orchestrator is waiting for.</summary>
    public IReadOnlyList<string> AwaitedEvents { get; init; } = [];

    /// <summary>Activities scheduled and not yet settled.</summary>
    public IReadOnlyList<string> PendingActivities { get; init; } = [];

    /// <summary>True for Completed, Failed and Terminated.</summary>
    public bool IsFinished => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    /// <summary>Deserializes the input with the runtime's serializer options.</summary>
    public T? ReadInput<T>() => Read<T>(SerializedInput);

    /// <summary>Deserializes the output with the runtime's serializer options.</summary>
    public T? ReadOutput<T>() => Read<T>(SerializedOutput);

    /// <summary>Deserializes the custom status with the runtime's serializer options.</summary>
    public T? ReadCustomStatus<T>() => Read<T>(SerializedCustomStatus);

    private T? Read<T>(string? serialized) => serialized is null ? default : JsonSerializer.Deserialize<T>(serialized, Json);
}
