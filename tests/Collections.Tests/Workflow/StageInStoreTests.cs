using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>The workflow writes its stage, last ladder step and promise counts to the store as it moves, so the invoice
/// list and the overview read them there; one started before these were stored does so from its next ContinueAsNew on,
/// never inside its recorded history.</summary>
public sealed class StageInStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task NewWorkflow_TheStoreFollowsItsStage()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());

        await host.Driver.AdvanceToAsync(Start.AddHours(1));
        Assert.Equal([new StageTotal("wait-for-due-date", 1, 1250m)], await host.Store.OpenInvoicesByStageAsync(CancellationToken.None));

        // The friendly reminder goes out on 11 March; the workflow then plans the first call.
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.FromHours(1)));
        var stage = (await host.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor("A-1")))!.ReadCustomStatus<StageOnly>()!.Stage;
        Assert.NotEqual("wait-for-due-date", stage);
        Assert.Equal([new StageTotal(stage, 1, 1250m)], await host.Store.OpenInvoicesByStageAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WorkflowStartedBeforeStagesWereStored_WritesNoneUntilItsNextContinueAsNew()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        var longHistory = new CollectionsPolicy();
        var shortHistory = new CollectionsPolicy { StepsBeforeContinueAsNew = 1 };
        await StartAsBeforeAsync(host, "A-1", longHistory);
        await StartAsBeforeAsync(host, "A-2", shortHistory);

        await host.Driver.AdvanceToAsync(Start.AddHours(1));

        var totals = await host.Store.OpenInvoicesByStageAsync(CancellationToken.None);
        Assert.Equal(
            [new StageTotal(null, 1, 1250m), new StageTotal("wait-for-due-date", 1, 1250m)],
            totals.OrderBy(total => total.Stage, StringComparer.Ordinal));
        var search = await host.Store.SearchInvoicesAsync(new InvoiceSearch(new DateOnly(2026, 3, 2), Stage: "wait-for-due-date"), CancellationToken.None);
        Assert.Equal("A-2", Assert.Single(search.Items).Invoice.Number);
    }

    [Fact]
    public async Task PromiseMadeInACall_NotMet_ThenPaid_TheStoreCountsThePromiseAndThePaidAfterStep()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 13, 11, 0, 0, TimeSpan.FromHours(1)));
        var task = Assert.Single(await host.Store.ListOpenCallTasksAsync(null, CancellationToken.None));
        await host.Workflows.RaiseAsync("A-1", new CallOutcomeRecorded(task.Id, new CallOutcome(CallOutcomeKind.PromiseToPay, PromisedDate: new DateOnly(2026, 3, 18))));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.FromHours(1)));

        var promised = await host.Store.LadderTotalsAsync(CancellationToken.None);
        Assert.Equal((1, 0), (promised.PromisesMade, promised.PromisesBroken));

        // Not paid by the 18th (plus the grace day): the promise reminder, businesslike, goes out and a new call is planned.
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.FromHours(1)));
        Assert.Contains(await host.TimelineAsync("D-1"), line => line.Contains("message sms businesslike promise-reminder", StringComparison.Ordinal));
        var broken = await host.Store.LadderTotalsAsync(CancellationToken.None);
        Assert.Equal((1, 1), (broken.PromisesMade, broken.PromisesBroken));

        await host.Workflows.RaiseAsync("A-1", new PaymentReceived("tr_1", 1250m, new DateTimeOffset(2026, 3, 21, 9, 0, 0, TimeSpan.FromHours(1))), "tr_1");
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 22, 0, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal("paid", (await host.Store.GetInvoiceAsync("A-1", CancellationToken.None))!.Status);
        Assert.Equal([new PaidAfterStepTotal("businesslike", 1)], (await host.Store.LadderTotalsAsync(CancellationToken.None)).PaidByLastStep);
    }

    [Fact]
    public async Task WorkflowStartedBeforeProgressWasStored_WritesItsStageAlone_UntilItsNextContinueAsNew()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await StartAsBeforeAsync(host, "A-1", new CollectionsPolicy(), storesStage: true);
        await StartAsBeforeAsync(host, "A-2", new CollectionsPolicy { StepsBeforeContinueAsNew = 1 }, storesStage: true);
        await host.Driver.AdvanceToAsync(Start.AddHours(1));

        foreach (var number in new[] { "A-1", "A-2" })
        {
            await host.Workflows.RaiseAsync(number, new PaymentReceived("tr_" + number, 1250m, Start.AddHours(1)), "tr_" + number);
        }

        await host.Driver.AdvanceToAsync(Start.AddHours(2));

        Assert.Equal(
            [new PaidAfterStepTotal(null, 1), new PaidAfterStepTotal("before-reminder", 1)],
            (await host.Store.LadderTotalsAsync(CancellationToken.None)).PaidByLastStep.OrderBy(total => total.LastStep, StringComparer.Ordinal));
    }

    /// <summary>As a workflow started by an earlier version: its state says nothing about storing the stage (or, with
    /// <paramref name="storesStage"/>, the stage but not the ladder step and promises).</summary>
    private static async Task StartAsBeforeAsync(WorkflowHarness host, string number, CollectionsPolicy policy, bool storesStage = false)
    {
        var invoice = WorkflowHarness.Invoice(number, "D-" + number);
        await host.Store.AddInvoiceAsync(new InvoiceRecord(invoice, number, Start, "open", invoice.Amount), CancellationToken.None);
        var state = InvoiceState.Start(invoice, policy, Start.UtcDateTime);
        (state.StoresStage, state.StoresProgress) = (storesStage, false);
        await host.Client.StartAsync(InvoiceWorkflow.Name, InvoiceWorkflow.InstanceIdFor(number), new InvoiceWorkflowInput(invoice, policy, state));
    }

    private sealed record StageOnly(string Stage);
}
