using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>The workflow writes its stage to the store as it moves, so the invoice list and the overview read it there;
/// one started before stages were stored does so from its next ContinueAsNew on, never inside its recorded history.</summary>
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

    /// <summary>As a workflow started by the version before: its state says nothing about storing the stage.</summary>
    private static async Task StartAsBeforeAsync(WorkflowHarness host, string number, CollectionsPolicy policy)
    {
        var invoice = WorkflowHarness.Invoice(number, "D-" + number);
        await host.Store.AddInvoiceAsync(new InvoiceRecord(invoice, number, Start, "open", invoice.Amount), CancellationToken.None);
        var state = InvoiceState.Start(invoice, policy, Start.UtcDateTime);
        state.StoresStage = false;
        await host.Client.StartAsync(InvoiceWorkflow.Name, InvoiceWorkflow.InstanceIdFor(number), new InvoiceWorkflowInput(invoice, policy, state));
    }

    private sealed record StageOnly(string Stage);
}
