namespace Collections.Server.Hosting.Demo;

/// <summary>The demo's clock: simulated time that runs <see cref="Factor"/> times faster than the real clock, at a
/// speed that can change while it runs (the call pace slows it to real time while calls wait on the list). Timers
/// created on it fire when simulated time reaches their due time, at whatever speed it runs by then.</summary>
internal sealed class DemoClock : TimeProvider
{
    private readonly TimeProvider real;
    private readonly Lock gate = new();
    private readonly HashSet<DemoTimer> timers = [];
    private DateTimeOffset anchor;
    private long anchorTimestamp;
    private double factor;

    /// <param name="real">The real clock; a fake one in tests.</param>
    public DemoClock(DateTimeOffset start, double factor, TimeProvider? real = null)
    {
        this.real = real ?? System;
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        anchor = start;
        anchorTimestamp = this.real.GetTimestamp();
        this.factor = factor;
    }

    public double Factor
    {
        get
        {
            lock (gate)
            {
                return factor;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return NowLocked();
        }
    }

    /// <summary>Runs on at <paramref name="value"/> times real speed from now on; waiting timers are rescheduled.</summary>
    public void SetFactor(double value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        lock (gate)
        {
            if (value == factor)
            {
                return;
            }

            anchor = NowLocked();
            anchorTimestamp = real.GetTimestamp();
            factor = value;
            foreach (var timer in timers.ToList())
            {
                timer.ScheduleLocked();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new DemoTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private DateTimeOffset NowLocked() => anchor + real.GetElapsedTime(anchorTimestamp) * factor;

    /// <summary>Remembers when, in simulated time, it is due; a one-shot timer on the real clock waits for that moment
    /// at the current speed and is set again when the speed changes.</summary>
    private sealed class DemoTimer : ITimer
    {
        private readonly DemoClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private readonly ITimer inner;
        private DateTimeOffset? due;
        private TimeSpan period = Timeout.InfiniteTimeSpan;
        private bool disposed;

        public DemoTimer(DemoClock clock, TimerCallback callback, object? state)
        {
            this.clock = clock;
            this.callback = callback;
            this.state = state;
            inner = clock.real.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                if (disposed)
                {
                    return false;
                }

                due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.NowLocked() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                this.period = period;
                ScheduleLocked();
                return true;
            }
        }

        public void ScheduleLocked()
        {
            if (due is not { } at)
            {
                clock.timers.Remove(this);
                inner.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            clock.timers.Add(this);
            inner.Change(RealWaitLocked(at), Timeout.InfiniteTimeSpan);
        }

        // Rounded up to the tick, so the real timer never fires before simulated time reaches the due moment.
        private TimeSpan RealWaitLocked(DateTimeOffset at) =>
            TimeSpan.FromTicks(Math.Max(0, (long)Math.Ceiling((at - clock.NowLocked()).Ticks / clock.factor)));

        private void Fire()
        {
            lock (clock.gate)
            {
                if (disposed || due is not { } at)
                {
                    return;
                }

                if (RealWaitLocked(at) > TimeSpan.Zero)
                {
                    // Set again meanwhile, or the real timer fired early: wait for the rest.
                    ScheduleLocked();
                    return;
                }

                due = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : at + period;
                ScheduleLocked();
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                disposed = true;
                clock.timers.Remove(this);
            }

            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
