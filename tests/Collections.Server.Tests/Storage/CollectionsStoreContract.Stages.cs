using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    [Fact]
    public async Task SetInvoiceStage_SearchFiltersOnIt_AndAnUpdateNeitherConflictsNorLosesIt()
    {
        await AddSearchBookAsync();
        var read = (await Store.GetInvoiceAsync("F-1", Cancel))!;

        Assert.True(await Store.SetInvoiceStageAsync("F-1", "final-notice-term", Cancel));
        Assert.True(await Store.SetInvoiceStageAsync("F-2", "friendly-reminder", Cancel));
        Assert.True(await Store.SetInvoiceStageAsync("F-4", "final-notice-term", Cancel));
        Assert.True(await Store.SetInvoiceStageAsync("F-2", "first-call", Cancel));
        await Store.UpdateInvoiceAsync(read with { Paused = new InvoicePause(Now, "sanne", "customer on holiday") }, Cancel);

        Assert.Equal(["F-1", "F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "final-notice-term", Sort: InvoiceSort.Number)));
        Assert.Equal(["F-2"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "first-call")));
        Assert.Empty(await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "friendly-reminder")));
        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "vries", Stage: "final-notice-term")));
        Assert.Equal(["F-1"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Stage: "final-notice-term", Paused: true)));
    }

    [Fact]
    public async Task SetInvoiceStage_UnknownInvoice_False()
    {
        Assert.False(await Store.SetInvoiceStageAsync("F-404", "friendly-reminder", Cancel));
        Assert.Empty(await Store.OpenInvoicesByStageAsync(Cancel));
    }

    [Fact]
    public async Task OpenInvoicesByStage_CountsAndOpenBalance_OpenOnes_NullForNoneRecorded()
    {
        await AddSearchBookAsync();
        await Store.SetInvoiceStageAsync("F-1", "final-notice-term", Cancel);
        await Store.SetInvoiceStageAsync("F-4", "final-notice-term", Cancel);
        await Store.SetInvoiceStageAsync("F-3", "friendly-reminder", Cancel);

        var totals = await Store.OpenInvoicesByStageAsync(Cancel);

        Assert.Equal(
            [new StageTotal(null, 1, 900m), new StageTotal("final-notice-term", 2, 350m)],
            totals.OrderBy(total => total.Stage, StringComparer.Ordinal));
    }
}
