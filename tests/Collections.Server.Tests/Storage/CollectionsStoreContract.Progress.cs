using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    [Fact]
    public async Task SetInvoiceProgress_SearchFiltersOnIt_AndAnUpdateNeitherConflictsNorLosesIt()
    {
        await AddSearchBookAsync();
        var read = (await Store.GetInvoiceAsync("F-1", Cancel))!;

        Assert.True(await Store.SetInvoiceProgressAsync("F-1", new InvoiceProgress("final-notice-term"), Cancel));
        Assert.True(await Store.SetInvoiceProgressAsync("F-2", new InvoiceProgress("friendly-reminder"), Cancel));
        Assert.True(await Store.SetInvoiceProgressAsync("F-4", new InvoiceProgress("final-notice-term"), Cancel));
        Assert.True(await Store.SetInvoiceProgressAsync("F-2", new InvoiceProgress("first-call"), Cancel));
        await Store.UpdateInvoiceAsync(read with { Paused = new InvoicePause(Now, "sanne", "customer on holiday") }, Cancel);

        Assert.Equal(["F-1", "F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "final-notice-term", Sort: InvoiceSort.Number)));
        Assert.Equal(["F-2"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "first-call")));
        Assert.Empty(await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "friendly-reminder")));
        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "vries", Stage: "final-notice-term")));
        Assert.Equal(["F-1"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "final-notice-term", Paused: true)));
    }

    [Fact]
    public async Task InvoiceStages_TheRecordedOnesOfTheNumbersAsked()
    {
        await AddSearchBookAsync();
        await Store.SetInvoiceProgressAsync("F-1", new InvoiceProgress("final-notice-term"), Cancel);
        await Store.SetInvoiceProgressAsync("F-2", new InvoiceProgress("first-call", new LadderCounts("friendly", 0, 0)), Cancel);
        await Store.SetInvoiceProgressAsync("F-4", new InvoiceProgress("watch-promise"), Cancel);

        var stages = await Store.InvoiceStagesAsync(["F-1", "F-2", "F-3", "F-404"], Cancel);

        Assert.Equal(new Dictionary<string, string> { ["F-1"] = "final-notice-term", ["F-2"] = "first-call" }, stages);
        Assert.Empty(await Store.InvoiceStagesAsync([], Cancel));
    }

    [Fact]
    public async Task SetInvoiceProgress_UnknownInvoice_False()
    {
        Assert.False(await Store.SetInvoiceProgressAsync("F-404", new InvoiceProgress("friendly-reminder"), Cancel));
        Assert.Empty(await Store.OpenInvoicesByStageAsync(Cancel));
    }

    [Fact]
    public async Task OpenInvoicesByStage_CountsAndOpenBalance_OpenOnes_NullForNoneRecorded()
    {
        await AddSearchBookAsync();
        await Store.SetInvoiceProgressAsync("F-1", new InvoiceProgress("final-notice-term"), Cancel);
        await Store.SetInvoiceProgressAsync("F-4", new InvoiceProgress("final-notice-term"), Cancel);
        await Store.SetInvoiceProgressAsync("F-3", new InvoiceProgress("friendly-reminder"), Cancel);

        var totals = await Store.OpenInvoicesByStageAsync(Cancel);

        Assert.Equal(
            [new StageTotal(null, 1, 900m), new StageTotal("final-notice-term", 2, 350m)],
            totals.OrderBy(total => total.Stage, StringComparer.Ordinal));
    }

    [Fact]
    public async Task LadderTotals_SumPromises_CountPaidByLastStep_AndAStageWrittenAloneKeepsTheCounts()
    {
        await AddSearchBookAsync();
        Assert.True(await Store.SetInvoiceProgressAsync("F-1", new InvoiceProgress("watch-promise", new LadderCounts("call", 2, 1)), Cancel));
        Assert.True(await Store.SetInvoiceProgressAsync("F-2", new InvoiceProgress("final-notice-term", new LadderCounts("formal", 1, 1)), Cancel));
        Assert.True(await Store.SetInvoiceProgressAsync("F-3", new InvoiceProgress("wait-for-due-date", new LadderCounts("friendly", 0, 0)), Cancel));
        // A workflow begun before the counts were stored writes its stage alone: F-1's counts stay.
        Assert.True(await Store.SetInvoiceProgressAsync("F-1", new InvoiceProgress("first-call"), Cancel));
        foreach (var number in new[] { "F-1", "F-3", "F-4" })
        {
            var record = (await Store.GetInvoiceAsync(number, Cancel))!;
            await Store.UpdateInvoiceAsync(record with { Status = "paid", OpenBalance = 0 }, Cancel);
        }

        var totals = await Store.LadderTotalsAsync(Cancel);

        Assert.Equal((3, 2), (totals.PromisesMade, totals.PromisesBroken));
        Assert.Equal(
            [new PaidAfterStepTotal(null, 1), new PaidAfterStepTotal("call", 1), new PaidAfterStepTotal("friendly", 1)],
            totals.PaidByLastStep.OrderBy(total => total.LastStep, StringComparer.Ordinal));
    }

    [Fact]
    public async Task LadderTotals_EmptyBook_Zeroes()
    {
        var totals = await Store.LadderTotalsAsync(Cancel);

        Assert.Equal((0, 0), (totals.PromisesMade, totals.PromisesBroken));
        Assert.Empty(totals.PaidByLastStep);
    }
}
