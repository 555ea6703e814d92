using Collections.Infrastructure.Storage;
using Collections.Server.Tests.Storage;
using Collections.Storage;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

public sealed class OverviewFiguresTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collections-overview-").FullName;

    [Fact]
    public async Task Overview_BookOfMoreThanAThousandInvoices_EveryFigureCoversEveryInvoice()
    {
        using var store = new SqliteCollectionsStore(Path.Combine(folder, "collections.db"));
        const int book = 1200;
        await store.AddInvoicesAsync([.. Enumerable.Range(0, book).Select(index => StoreSamples.Invoice($"F-{index:D5}"))], CancellationToken.None);
        // The last invoices by number, beyond the first thousand a page would list, carry the stage and the ladder.
        await store.SetInvoiceProgressAsync($"F-{book - 1:D5}", new InvoiceProgress("final-notice-term", new LadderCounts("formal", 2, 1)), CancellationToken.None);
        await store.SetInvoiceProgressAsync($"F-{book - 2:D5}", new InvoiceProgress("watch-promise", new LadderCounts("call", 1, 0)), CancellationToken.None);
        await PayAsync(store, $"F-{book - 2:D5}");
        await PayAsync(store, $"F-{book - 3:D5}");

        var figures = await OverviewFigures.LoadAsync(store, new DateTimeOffset(2026, 3, 31, 21, 59, 59, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(
            [(OverviewFigures.NotRecorded, book - 3, (book - 3) * 1250.75m), ("final-notice-term", 1, 1250.75m)],
            figures.OpenByStage);
        Assert.Equal(("1-30", book - 2, (book - 2) * 1250.75m), figures.Ageing.Buckets.Single(bucket => bucket.Bucket == "1-30"));
        Assert.Equal((3, 1, 67), (figures.PromisesMade, figures.PromisesBroken, figures.PromisesKeptPercent));
        Assert.Equal(
            [("before-reminder", 0), ("friendly", 0), ("call", 1), ("businesslike", 0), ("formal", 0), (OverviewFigures.NotRecorded, 1)],
            figures.PaidAfterStep);
    }

    [Fact]
    public async Task Overview_NoPaidInvoiceWithoutAStep_ChartHasTheLadderStepsOnly()
    {
        using var store = new SqliteCollectionsStore(Path.Combine(folder, "collections.db"));
        await store.AddInvoiceAsync(StoreSamples.Invoice("F-1"), CancellationToken.None);
        await store.SetInvoiceProgressAsync("F-1", new InvoiceProgress("wait-for-due-date", new LadderCounts("businesslike", 0, 0)), CancellationToken.None);
        await PayAsync(store, "F-1");

        var figures = await OverviewFigures.LoadAsync(store, new DateTimeOffset(2026, 3, 31, 21, 59, 59, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal([.. OverviewFigures.Steps], figures.PaidAfterStep.Select(step => step.Step));
        Assert.Equal(1, figures.PaidAfterStep.Single(step => step.Step == "businesslike").Invoices);
        Assert.Null(figures.PromisesKeptPercent);
    }

    private static async Task PayAsync(SqliteCollectionsStore store, string number)
    {
        var record = (await store.GetInvoiceAsync(number, CancellationToken.None))!;
        await store.UpdateInvoiceAsync(record with { Status = "paid", OpenBalance = 0 }, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
