using Collections.Durable;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>Long-running agreements keep the workflow history small (ContinueAsNew), an amended due date
/// moves the wait, and how the debtor paid earlier invoices shapes the next one (R12).</summary>
public sealed class InvoiceWorkflowHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task PaymentPlan_InstalmentKept_ContinuesAsNewWithItsState()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        // The first call comes once the reminder's deadline (11 March) and a grace day have passed.
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 13, 11, 0, 0, TimeSpan.FromHours(1)));
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

    [Fact]
    public async Task EarlierInvoicesPaidLate_NoHistorySent_NextInvoiceGetsThePreDueNudge()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        foreach (var (number, paidAt) in new[] { ("A-1", new DateTimeOffset(2026, 1, 20, 10, 0, 0, TimeSpan.FromHours(1))), ("A-2", new DateTimeOffset(2026, 2, 18, 10, 0, 0, TimeSpan.FromHours(1))) })
        {
            var earlier = WorkflowHarness.Invoice(number, "D-1", dueDate: number == "A-1" ? "2026-01-05" : "2026-02-03");
            await host.Store.AddInvoiceAsync(new InvoiceRecord(earlier, number, Start.AddMonths(-2), "paid", 0m), CancellationToken.None);
            await host.Store.AddPaymentAsync(new PaymentRecord("pay-" + number, number, earlier.Amount, "EUR", paidAt, "accounting", paidAt), CancellationToken.None);
        }

        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-3", "D-1", dueDate: "2026-03-13"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(1)));

        // Paid 15 days late twice: three days before the due date a friendly nudge goes out.
        Assert.Equal(["2026-03-10T10:00+01:00 message sms friendly pre-due-nudge balance=1250 costs=0 interest=0"], await host.TimelineAsync("D-1"));
    }

    [Fact]
    public async Task EarlierInvoicePaidOnTime_NoHistorySent_NoNudge()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        var earlier = WorkflowHarness.Invoice("A-1", "D-1", dueDate: "2026-02-03");
        await host.Store.AddInvoiceAsync(new InvoiceRecord(earlier, "A-1", Start.AddMonths(-1), "paid", 0m), CancellationToken.None);
        await host.Store.AddPaymentAsync(new PaymentRecord("pay-A-1", "A-1", earlier.Amount, "EUR", Start.AddDays(-30), "accounting", Start.AddDays(-30)), CancellationToken.None);

        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-3", "D-1", dueDate: "2026-03-13"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.FromHours(1)));

        Assert.Empty(await host.TimelineAsync("D-1"));
    }
}
