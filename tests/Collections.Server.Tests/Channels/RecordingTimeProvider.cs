namespace Collections.Server.Tests.Channels;

/// <summary>Real time, except that every delay a sender asks for is recorded and then skipped: the clock jumps
/// ahead by the requested amount and the timer fires at once. Lets tests check Retry-After handling without waiting.</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private TimeSpan skipped;

    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return System.GetUtcNow() + skipped;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            Delays.Add(dueTime);
            skipped += dueTime;
        }

        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
