using Collections.Durable;
using Collections.Policy;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>Long-running agreements keep the workflow history small (ContinueAsNew), and an amended due date
/// moves the wait.</summary>
public sealed class InvoiceWorkflowHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task PaymentPlan_InstalmentKept_ContinuesAsNewWithItsState()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 9, 11, 0, 0, TimeSpan.FromHours(1)));
        var task = Assert.Single(await host.Store.ListOpenCallTasksAsync(null, CancellationToken.None));
        await host.Workflows.RaiseAsync("A-1", new CallOutcomeRecorded(task.Id, new CallOutcome(
            CallOutcomeKind.PaymentPlan, Instalments: [new Instalment(new DateOnly(2026, 4, 1), 600m), new Instalment(new DateOnly(2026, 5, 1), 650m)])));
        await host.Workflows.RaiseAsync("A-1", new PaymentReceived("tr_1", 600m, Start.AddDays(28)), "tr_1");

        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.FromHours(2)));

        var status = await host.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor("A-1"));
        Assert.Equal(OrchestrationRuntimeStatus.Running, status!.RuntimeStatus);
        var input = status.ReadInput<InvoiceWorkflowInput>()!;
        Assert.Equal(InvoiceStage.WatchPaymentPlan, input.State!.Stage);
        Assert.Equal(1, input.State.Plan!.Next);
        Assert.Equal(650m, input.State.Balance);
    }

    [Fact]
    public async Task DueDateAmended_BeforeItPassed_ReminderFollowsTheNewDate()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(Start.AddHours(1));

        await host.Workflows.RaiseAsync("A-1", new InvoiceAmended(1250m, new DateOnly(2026, 3, 10)));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(
        [
            "2026-03-02T10:00+01:00 note note: Invoice amended: amount €1,250.00, due 2026-03-10; balance €1,250.00.",
            "2026-03-11T10:00+01:00 message sms friendly reminder balance=1250 costs=0 interest=0",
        ], await host.TimelineAsync("D-1"));
    }
}
