using Collections.Storage;

namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    private static readonly DateTimeOffset LeaseNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryAcquireLease_Free_IsTakenAndRefusedToAnotherHolderUntilItExpires()
    {
        Assert.True(await Store.TryAcquireLeaseAsync("debtor:D-1", "a", LeaseNow, LeaseNow.AddMinutes(2), Cancel));

        Assert.False(await Store.TryAcquireLeaseAsync("debtor:D-1", "b", LeaseNow.AddMinutes(1), LeaseNow.AddMinutes(3), Cancel));
        Assert.True(await Store.TryAcquireLeaseAsync("debtor:D-2", "b", LeaseNow, LeaseNow.AddMinutes(2), Cancel));
        Assert.True(await Store.TryAcquireLeaseAsync("debtor:D-1", "b", LeaseNow.AddMinutes(2), LeaseNow.AddMinutes(4), Cancel));
        Assert.False(await Store.TryAcquireLeaseAsync("debtor:D-1", "a", LeaseNow.AddMinutes(3), LeaseNow.AddMinutes(5), Cancel));
    }

    [Fact]
    public async Task ReleaseLease_ByItsHolder_FreesIt_ByAnotherChangesNothing()
    {
        await Store.TryAcquireLeaseAsync("debtor:D-1", "a", LeaseNow, LeaseNow.AddMinutes(2), Cancel);

        await Store.ReleaseLeaseAsync("debtor:D-1", "b", Cancel);
        Assert.False(await Store.TryAcquireLeaseAsync("debtor:D-1", "b", LeaseNow, LeaseNow.AddMinutes(2), Cancel));

        await Store.ReleaseLeaseAsync("debtor:D-1", "a", Cancel);
        Assert.True(await Store.TryAcquireLeaseAsync("debtor:D-1", "b", LeaseNow, LeaseNow.AddMinutes(2), Cancel));
    }

    [Fact]
    public async Task TryAcquireLease_ManyHoldersAtOnce_ExactlyOneGetsIt()
    {
        var takes = await Task.WhenAll(Enumerable.Range(0, Racers).Select(holder =>
            Task.Run(() => Store.TryAcquireLeaseAsync("debtor:D-9", $"h{holder}", LeaseNow, LeaseNow.AddMinutes(2), Cancel))));

        Assert.Single(takes, taken => taken);
    }

    [Fact]
    public async Task TryAcquireLease_ManyHoldersAtOnceOnAnExpiredLease_ExactlyOneGetsIt()
    {
        await Store.TryAcquireLeaseAsync("debtor:D-9", "crashed", LeaseNow, LeaseNow.AddMinutes(2), Cancel);
        var later = LeaseNow.AddMinutes(5);

        var takes = await Task.WhenAll(Enumerable.Range(0, Racers).Select(holder =>
            Task.Run(() => Store.TryAcquireLeaseAsync("debtor:D-9", $"h{holder}", later, later.AddMinutes(2), Cancel))));

        Assert.Single(takes, taken => taken);
    }
}
