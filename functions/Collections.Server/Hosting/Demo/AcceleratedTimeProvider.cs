namespace Collections.Server.Hosting.Demo;

/// <summary>A clock that runs <see cref="Factor"/> times faster than the real one from <see cref="Start"/>
/// on; timers created on it fire after their due time divided by the factor. With it the real runtime
/// loop runs a workflow's weeks in minutes.</summary>
internal sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly long startTimestamp;

    public AcceleratedTimeProvider(DateTimeOffset start, double factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        Start = start;
        Factor = factor;
        startTimestamp = System.GetTimestamp();
    }

    public DateTimeOffset Start { get; }

    public double Factor { get; }

    public override DateTimeOffset GetUtcNow() => Start + System.GetElapsedTime(startTimestamp) * Factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Factor;
}
