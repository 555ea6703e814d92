namespace Collections.Workflow;

/// <summary>Thrown into workflow code by <see cref="IWorkflowContext.CallActivityAsync{T}"/> when an activity
/// failed after all the attempts its retry policy allows. Each host translates its engine's failure into it.</summary>
public sealed class ActivityFailedException : Exception
{
    public ActivityFailedException()
    {
    }

    public ActivityFailedException(string message)
        : base(message)
    {
    }

    public ActivityFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The failure worded alike on every engine: staff tasks quote it, and engine details such as task
    /// ids (which Durable Task also spends on retry timers) mean nothing to staff.</summary>
    public static ActivityFailedException For(string activity, string errorType, string errorMessage, Exception engineFailure) =>
        new($"Activity '{activity}' failed: {errorType}: {errorMessage}", engineFailure);
}
