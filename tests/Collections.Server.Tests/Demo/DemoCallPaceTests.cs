using Collections.Activities;
using Collections.Calendar;
using Collections.Server.Hosting.Demo;
using Collections.Storage;

namespace Collections.Server.Tests.Demo;

public sealed class DemoCallPaceTests
{
    // Monday 2 March 2026; Amsterdam is UTC+1 in March.
    private static readonly DateTimeOffset MondayTenAmsterdam = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OpenTaskOnTheList_InsideTheCallWindow_RealTime()
    {
        var factor = DemoCallPace.FactorFor([OpenTask(createdAt: MondayTenAmsterdam.AddHours(-1))], MondayTenAmsterdam, ContactWindow.Calls);

        Assert.Equal(1, factor);
    }

    [Fact]
    public void OpenTask_AfterTheCallWindowCloses_DemoSpeed()
    {
        var evening = MondayTenAmsterdam.AddHours(8);

        var factor = DemoCallPace.FactorFor([OpenTask(createdAt: MondayTenAmsterdam)], evening, ContactWindow.Calls);

        Assert.Equal(DemoMode.HoursPerSecond, factor);
    }

    [Fact]
    public void NoTasks_OrOnlyLaterOnes_DemoSpeed()
    {
        Assert.Equal(DemoMode.HoursPerSecond, DemoCallPace.FactorFor([], MondayTenAmsterdam, ContactWindow.Calls));
        Assert.Equal(
            DemoMode.HoursPerSecond,
            DemoCallPace.FactorFor([OpenTask(createdAt: MondayTenAmsterdam.AddMinutes(1))], MondayTenAmsterdam, ContactWindow.Calls));
    }

    [Fact]
    public void WorkedTask_DemoSpeed()
    {
        var done = OpenTask(createdAt: MondayTenAmsterdam.AddHours(-1)) with { Status = CallTaskStatus.Done };

        Assert.Equal(DemoMode.HoursPerSecond, DemoCallPace.FactorFor([done], MondayTenAmsterdam, ContactWindow.Calls));
    }

    private static CallTaskRecord OpenTask(DateTimeOffset createdAt) =>
        new("call-1", "C-17", ["DEMO-1001"], "invoice-DEMO-1001", "script", createdAt, createdAt.AddDays(2), CallTaskStatus.Open);
}
