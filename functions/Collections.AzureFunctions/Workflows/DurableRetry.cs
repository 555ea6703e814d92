using Collections.Workflow;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// The workflow's <see cref="RetryPolicy"/> as the values of Durable Task's <c>Microsoft.DurableTask.RetryPolicy</c>
/// constructor, so the Azure host only copies them across. Durable Task rejects the same values with an
/// <see cref="ArgumentOutOfRangeException"/> (microsoft/durabletask-dotnet, src/Abstractions/RetryPolicy.cs);
/// checking here first names the product's field instead, and is testable without the SDK.
/// </summary>
/// <param name="RetryTimeout"><see cref="Timeout.InfiniteTimeSpan"/> when the policy sets no overall timeout.</param>
public sealed record DurableRetry(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient,
    TimeSpan MaxRetryInterval,
    TimeSpan RetryTimeout)
{
    /// <summary>Durable Task's default upper bound of one delay.</summary>
    public static readonly TimeSpan DefaultMaxRetryInterval = TimeSpan.FromHours(1);

    public static DurableRetry From(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxAttempts < 1)
        {
            throw Invalid(nameof(RetryPolicy.MaxAttempts), $"must be at least 1 (was {policy.MaxAttempts}).");
        }

        if (policy.FirstInterval <= TimeSpan.Zero)
        {
            throw Invalid(nameof(RetryPolicy.FirstInterval), $"must be longer than zero (was {policy.FirstInterval}).");
        }

        if (!double.IsFinite(policy.BackoffCoefficient) || policy.BackoffCoefficient < 1.0)
        {
            throw Invalid(nameof(RetryPolicy.BackoffCoefficient), $"must be a number of at least 1 (was {policy.BackoffCoefficient}).");
        }

        var maxInterval = policy.MaxInterval ?? DefaultMaxRetryInterval;
        if (maxInterval < policy.FirstInterval)
        {
            throw Invalid(nameof(RetryPolicy.MaxInterval), $"must not be shorter than FirstInterval ({maxInterval} < {policy.FirstInterval}).");
        }

        if (policy.Timeout is { } timeout && timeout < policy.FirstInterval)
        {
            throw Invalid(nameof(RetryPolicy.Timeout), $"must not be shorter than FirstInterval ({timeout} < {policy.FirstInterval}).");
        }

        return new DurableRetry(
            policy.MaxAttempts, policy.FirstInterval, policy.BackoffCoefficient, maxInterval, policy.Timeout ?? Timeout.InfiniteTimeSpan);
    }

    private static ArgumentException Invalid(string field, string problem) =>
        new($"RetryPolicy.{field} {problem}", "policy");
}
