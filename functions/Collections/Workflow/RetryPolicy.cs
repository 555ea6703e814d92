namespace Collections.Workflow;

/// <summary>Activity retry policy, with the same meaning as Durable Task's <c>RetryPolicy</c>.</summary>
/// <param name="MaxAttempts">Total attempts including the first.</param>
/// <param name="FirstInterval">Delay before the first retry.</param>
/// <param name="BackoffCoefficient">Multiplier applied to the delay after each retry (≥ 1).</param>
/// <param name="MaxInterval">Upper bound of a single delay; Durable Task's default is one hour.</param>
/// <param name="Timeout">Overall time after which no further attempt starts.</param>
public sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan FirstInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxInterval = null,
    TimeSpan? Timeout = null);
