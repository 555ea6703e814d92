namespace Collections.Durable;

/// <summary>
/// How a failed activity is retried, with the meaning of Durable Task's <c>RetryPolicy</c>.
/// The delay before retry <c>n</c> (1-based) is <c>FirstInterval × BackoffCoefficient^(n-1)</c>, capped at
/// <see cref="MaxInterval"/>; no attempt starts after <see cref="Timeout"/> has elapsed since the first one.
/// </summary>
/// <param name="MaxAttempts">Total attempts including the first (≥ 1).</param>
/// <param name="FirstInterval">Delay before the first retry (&gt; 0).</param>
/// <param name="BackoffCoefficient">Multiplier applied to the delay after each retry (≥ 1).</param>
/// <param name="MaxInterval">Upper bound of a single delay; one hour when null (Durable Task's default).</param>
/// <param name="Timeout">Overall time after the first attempt after which no further attempt starts; unbounded when null.</param>
public sealed record ActivityRetryOptions(
    int MaxAttempts,
    TimeSpan FirstInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxInterval = null,
    TimeSpan? Timeout = null)
{
    /// <summary>The default cap of a single retry delay.</summary>
    public static readonly TimeSpan DefaultMaxInterval = TimeSpan.FromHours(1);

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
        }

        if (FirstInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstInterval), FirstInterval, "FirstInterval must be positive.");
        }

        if (!(BackoffCoefficient >= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffCoefficient), BackoffCoefficient, "BackoffCoefficient must be at least 1.");
        }

        if (MaxInterval is { } max && max <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInterval), max, "MaxInterval must be positive.");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "Timeout must be positive.");
        }
    }

    /// <summary>The delay before retry number <paramref name="retry"/> (1 = the delay after the first failure).</summary>
    internal TimeSpan DelayBeforeRetry(int retry)
    {
        var max = MaxInterval ?? DefaultMaxInterval;
        var ticks = FirstInterval.Ticks * Math.Pow(BackoffCoefficient, retry - 1);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
