namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    [Fact]
    public async Task SharedValue_WrittenOnlyAgainstTheVersionRead()
    {
        Assert.Null(await Store.GetSharedValueAsync("budget:sms", Cancel));
        Assert.True(await Store.TrySetSharedValueAsync("budget:sms", "one", null, Cancel));
        Assert.False(await Store.TrySetSharedValueAsync("budget:sms", "again", null, Cancel));
        var first = (await Store.GetSharedValueAsync("budget:sms", Cancel))!;

        Assert.True(await Store.TrySetSharedValueAsync("budget:sms", "two", first.Version, Cancel));
        Assert.False(await Store.TrySetSharedValueAsync("budget:sms", "stale", first.Version, Cancel));

        var second = (await Store.GetSharedValueAsync("budget:sms", Cancel))!;
        Assert.Equal("two", second.Value);
        Assert.NotEqual(first.Version, second.Version);
    }

    [Fact]
    public async Task SharedValue_ManyWritersFromTheSameRead_ExactlyOneWins()
    {
        await Store.TrySetSharedValueAsync("budget:email", "0", null, Cancel);
        var read = (await Store.GetSharedValueAsync("budget:email", Cancel))!;

        var writes = await Task.WhenAll(Enumerable.Range(0, Racers).Select(writer =>
            Task.Run(() => Store.TrySetSharedValueAsync("budget:email", $"{writer}", read.Version, Cancel))));

        Assert.Single(writes, written => written);
    }
}
