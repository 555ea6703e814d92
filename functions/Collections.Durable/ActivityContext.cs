namespace Collections.Durable;

/// <summary>What an activity knows about the call it serves.</summary>
/// <param name="InstanceId">The orchestration instance that scheduled the activity.</param>
/// <param name="Name">The activity name.</param>
/// <param name="TaskId">The task id of the call within the orchestration (stable across retries).</param>
/// <param name="Attempt">1 for the first attempt, 2 for the first retry, …; a crashed worker's attempt is repeated with the same number.</param>
public sealed record ActivityContext(string InstanceId, string Name, int TaskId, int Attempt)
{
    /// <summary>
    /// <c>{instanceId}:{taskId}</c>: the same for every attempt of this call. Activities run at least once, so pass
    /// this to anything with side effects to make repeated attempts harmless.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId}:{TaskId}";
}
