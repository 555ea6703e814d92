using Collections.Policy;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>Timers that came due while the host was down are acted on once, at the next allowed contact
/// moment after the restart: no step skipped, no burst.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task HostDownOverDueDateAndReminder_RestartAtNight_OneReminderNextMorning()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
        await using var host = await WorkflowHarness.StartAsync(start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 3, 18, 0, 0, TimeSpan.FromHours(1)));

        await host.RestartAfterOutageAsync(new DateTimeOffset(2026, 3, 12, 21, 30, 0, TimeSpan.FromHours(1)));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 23, 12, 0, 0, TimeSpan.FromHours(1)));

        // The late reminder states "uiterlijk 20 maart": the call waits for it and a grace day (22 March is a Sunday).
        Assert.Equal(
        [
            "2026-03-13T08:00+01:00 message sms friendly reminder balance=1250 costs=0 interest=0",
            "2026-03-23T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-23T17:00+01:00",
        ], await host.TimelineAsync("D-1"));
        Assert.Single(host.Sender.Sent);
    }

    [Fact]
    public async Task OutageScenario_SeveralStepsOverdue_CaughtUpOneAtATime()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-04-01T00:00:00+02:00", events: """
            [ { "at": "2026-03-05T12:00:00+01:00", "type": "outage", "until": "2026-03-25T09:30:00+01:00" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-05T12:00+01:00 note outage: Host down until 2026-03-25T09:30:00+01:00.",
            "2026-03-25T09:30+01:00 callTask first-contact attempt=1 dueBy=2026-03-25T17:00+01:00",
            "2026-03-25T17:00+01:00 staffTask The first-contact call task raised 2026-03-25 has no outcome yet: it stays on the call list as overdue, to be called on 2026-03-26. No call is recorded until staff record one.",
            "2026-03-26T17:00+01:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the first-contact call task raised 2026-03-25 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-03-26T17:00+01:00 message email friendly reminder balance=1250.00 costs=0 interest=0",
        ], timeline);
    }
}
