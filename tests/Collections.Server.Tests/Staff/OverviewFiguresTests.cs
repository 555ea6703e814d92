using Collections.Infrastructure.Storage;
using Collections.Server.Tests.Storage;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

public sealed class OverviewFiguresTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collections-overview-").FullName;

    [Fact]
    public async Task Overview_BookLargerThanItsContactLogWindow_StagesAndAgeingCoverEveryInvoice()
    {
        using var store = new SqliteCollectionsStore(Path.Combine(folder, "collections.db"));
        var book = OverviewFigures.MaxInvoices + 200;
        await store.AddInvoicesAsync([.. Enumerable.Range(0, book).Select(index => StoreSamples.Invoice($"F-{index:D5}"))], CancellationToken.None);
        // The last invoice by number, beyond the first thousand, is the one in the final notice's term.
        await store.SetInvoiceStageAsync($"F-{book - 1:D5}", "final-notice-term", CancellationToken.None);

        var figures = await OverviewFigures.LoadAsync(store, new DateTimeOffset(2026, 3, 31, 21, 59, 59, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(
            [(OverviewFigures.NotRecorded, book - 1, (book - 1) * 1250.75m), ("final-notice-term", 1, 1250.75m)],
            figures.OpenByStage);
        Assert.Equal(("1-30", book, book * 1250.75m), figures.Ageing.Buckets.Single(bucket => bucket.Bucket == "1-30"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
