using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>Staff pause and resume chasing: nothing goes out while paused, payments still count, and the step
/// that was waiting keeps the time it had left. Invoice F2026-0042 (€1,250, consumer, SMS) is due 2026-03-03.</summary>
public sealed class InvoiceWorkflowPauseTests
{
    private const string Reminder = "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0";

    [Fact]
    public async Task Pause_NothingGoesOutUntilResumed_TheWaitingCallKeepsTheTimeItHadLeft()
    {
        // Paused 10 days 22 hours while the first call (13 March 10:00, after the reminder's deadline of 11 March and a
        // grace day) was waiting: it comes 24 March, 08:00 → the call window's 09:00.
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-25T00:00:00+01:00", events: """
            [ { "at": "2026-03-05T11:00:00+01:00", "type": "pause", "reason": "Customer in hospital" },
              { "at": "2026-03-10T11:00:00+01:00", "type": "payment", "amount": 250.00, "paymentId": "tr_1" },
              { "at": "2026-03-16T09:00:00+01:00", "type": "resume" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-05T11:00+01:00 note chasing-paused: Customer in hospital",
            "2026-03-10T11:00+01:00 note payment: Payment tr_1 of €250.00 received; balance €1,000.00.",
            "2026-03-16T09:00+01:00 note chasing-resumed: chasing resumed",
            "2026-03-24T09:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-24T17:00+01:00",
            "2026-03-24T17:00+01:00 staffTask The first-contact call task raised 2026-03-24 has no outcome yet: it stays on the call list as overdue, to be called on 2026-03-25. No call is recorded until staff record one.",
        ], timeline);
    }

    [Fact]
    public async Task Pause_WhileACallIsOnTheList_TheCallLeavesTheListAndComesBackOnResume()
    {
        await using var runner = new SimulationRunner(Scenario.Parse(Timelines.Single(until: "2026-03-17T12:00:00+01:00", events: """
            [ { "at": "2026-03-13T11:00:00+01:00", "type": "pause" },
              { "at": "2026-03-17T10:00:00+01:00", "type": "resume" } ]
            """)), new CollectionsPolicy());

        var timeline = (await runner.RunAsync()).Select(Timelines.Compact).ToList();

        Assert.Equal(
        [
            Reminder,
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note chasing-paused: chasing paused",
            "2026-03-17T10:00+01:00 note chasing-resumed: chasing resumed",
            "2026-03-17T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-17T17:00+01:00",
        ], timeline);
        var open = Assert.Single(await runner.Store.ListOpenCallTasksAsync(null, CancellationToken.None));
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero), open.CreatedAt);
    }

    [Fact]
    public async Task Pause_PaidInFullWhilePaused_EndsPaid()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-05-01T00:00:00+02:00", events: """
            [ { "at": "2026-03-05T11:00:00+01:00", "type": "pause" },
              { "at": "2026-03-05T12:00:00+01:00", "type": "pause", "reason": "pressed twice" },
              { "at": "2026-04-10T11:00:00+02:00", "type": "payment", "amount": 1250.00, "paymentId": "tr_1" } ]
            """));

        Assert.Equal(
        [
            Reminder,
            "2026-03-05T11:00+01:00 note chasing-paused: chasing paused",
            "2026-03-05T12:00+01:00 note chasing-paused: pressed twice",
            "2026-04-10T11:00+02:00 note payment: Payment tr_1 of €1,250.00 received; balance €0.00.",
            "2026-04-10T11:00+02:00 completed paid",
        ], timeline);
    }
}
