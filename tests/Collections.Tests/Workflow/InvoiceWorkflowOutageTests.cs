using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>Issue 13: the SMS provider down when the friendly reminder is due (2026-03-04 10:00) never fails the
/// workflow; the reminder goes out once when the provider is back, inside the message window.</summary>
public sealed class InvoiceWorkflowOutageTests
{
    [Fact]
    public async Task ProviderDownTwoHours_ReminderSentOnceAfterwards_NoStaffTask()
    {
        await using var runner = new SimulationRunner(Scenario.Parse(Timelines.Single(until: "2026-03-05T00:00:00+01:00")), new CollectionsPolicy());
        runner.Sender.DownUntil = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.FromHours(1));

        var timeline = (await runner.RunAsync()).Select(Timelines.Compact).ToList();

        Assert.Equal(["2026-03-04T12:27+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0"], timeline);
        Assert.Single(runner.Sender.Sent);
        Assert.True(runner.Sender.FailedAttempts > 6, $"{runner.Sender.FailedAttempts} failed attempts");
    }

    [Fact]
    public async Task ProviderDownPastTheWindow_StaffToldAfterFourHours_ReminderNextMorningWithTheDeadlineMoved()
    {
        await using var runner = new SimulationRunner(Scenario.Parse(Timelines.Single(until: "2026-03-06T00:00:00+01:00")), new CollectionsPolicy());
        runner.Sender.DownUntil = new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.FromHours(1));

        var lines = await runner.RunAsync();
        var timeline = lines.Select(Timelines.Compact).ToList();

        Assert.Equal(
        [
            "2026-03-04T14:35+01:00 staffTask Waiting for the SMS provider since 2026-03-04 10:02: Activity 'SendMessage' failed: System.Net.Http.HttpRequestException: The provider is unavailable (simulated outage).",
            "2026-03-05T08:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
        ], timeline);
        Assert.Single(runner.Sender.Sent);
        Assert.Equal("2026-03-12", lines[^1]["deadline"]!.GetValue<string>());
    }
}
