using Collections.Server.Hosting.Demo;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Tests.Demo;

public sealed class DemoClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider real = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Now_AtDemoSpeed_OneSimulatedHourPerRealSecond()
    {
        var clock = new DemoClock(Start, DemoMode.HoursPerSecond, real);

        real.Advance(TimeSpan.FromSeconds(2.5));

        Assert.Equal(Start.AddHours(2.5), clock.GetUtcNow());
    }

    [Fact]
    public void Timer_FiresWhenSimulatedTimeReachesItsDueTime()
    {
        var clock = new DemoClock(Start, DemoMode.HoursPerSecond, real);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Empty(fired);
        real.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([Start.AddMinutes(30)], fired);
    }

    [Fact]
    public void SetFactor_ToRealTime_WaitingTimerWaitsTheRestInRealTime()
    {
        var clock = new DemoClock(Start, DemoMode.HoursPerSecond, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(1));

        clock.SetFactor(1);
        real.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal(0, fired);
        Assert.Equal(Start.AddHours(1).AddMinutes(59), clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void SetFactor_BackToDemoSpeed_TimeContinuesFromWhereItWas()
    {
        var clock = new DemoClock(Start, 1, real);
        real.Advance(TimeSpan.FromMinutes(10));

        clock.SetFactor(DemoMode.HoursPerSecond);
        real.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Start.AddMinutes(10).AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void PeriodicTimer_FiresOncePerSimulatedPeriod()
    {
        var clock = new DemoClock(Start, DemoMode.HoursPerSecond, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        for (var second = 0; second < 3; second++)
        {
            real.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, fired);
    }

    [Fact]
    public void DisposedTimer_NeverFires()
    {
        var clock = new DemoClock(Start, DemoMode.HoursPerSecond, real);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.SetFactor(2);
        real.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, fired);
    }

    [Fact]
    public void SetFactor_BelowRealTime_Refused()
    {
        var clock = new DemoClock(Start, DemoMode.HoursPerSecond, real);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetFactor(0.5));
    }
}
