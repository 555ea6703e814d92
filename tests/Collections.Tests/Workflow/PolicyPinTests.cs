using Collections.Policy;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>A workflow runs to its end on the policy it started with; a new policy applies to new invoices,
/// and to running ones only through an explicit, logged migration.</summary>
public sealed class PolicyPinTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly CollectionsPolicy Later = new() { Version = "nl-2", Ladder = new LadderPolicy { FriendlyReminderBusinessDaysAfterDue = 2 } };

    [Fact]
    public async Task NewPolicy_AppliesToNewInvoices_RunningOneKeepsItsVersion()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(Start.AddHours(2));

        await host.StartInvoiceAsync(WorkflowHarness.Invoice("B-1", "D-2"), Later);
        await host.RestartAfterOutageAsync(Start.AddHours(3));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(["2026-03-04T10:00+01:00 message sms friendly reminder balance=1250 costs=0 interest=0"], await host.TimelineAsync("D-1"));
        Assert.Equal(["2026-03-05T10:00+01:00 message sms friendly reminder balance=1250 costs=0 interest=0"], await host.TimelineAsync("D-2"));
        var versions = (await host.Store.ListContactsOfDebtorAsync("D-1", CancellationToken.None)).Select(entry => entry.DataJson).ToList();
        Assert.Contains("\"policyVersion\":\"nl-default-1\"", Assert.Single(versions), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplicitMigration_IsLogged_AndTheRunningWorkflowFollowsTheNewPolicy()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.FromHours(1)));

        await host.Workflows.RaiseAsync("A-1", new PolicyMigrated(Later, "ops ticket 12"));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(
        [
            "2026-03-03T12:00+01:00 note note: Policy migrated from nl-default-1 to nl-2: ops ticket 12.",
            "2026-03-05T10:00+01:00 message sms friendly reminder balance=1250 costs=0 interest=0",
        ], await host.TimelineAsync("D-1"));
    }
}
