namespace Collections.Durable;

/// <summary>Thrown into orchestrator code when an activity failed after all its attempts.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for activity <paramref name="activityName"/> (task <paramref name="taskId"/>).</summary>
    public TaskFailedException(string activityName, int taskId, FailureDetails failure)
        : base($"Activity '{activityName}' (task {taskId}) failed: {failure}")
    {
        ActivityName = activityName;
        TaskId = taskId;
        Failure = failure;
    }

    /// <summary>The activity that failed.</summary>
    public string ActivityName { get; }

    /// <summary>The task id of the failed call within the orchestration.</summary>
    public int TaskId { get; }

    /// <summary>The error type and message the activity failed with.</summary>
    public FailureDetails Failure { get; }
}
