using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

public sealed class SignInFailureCounterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public void BlockedUntil_LimitReached_UntilTheOldestFailureLeavesTheWindow()
    {
        var counter = new SignInFailureCounter(limit: 2, Window, capacity: 10);
        counter.Add("SANNE", Start);
        counter.Add("SANNE", Start.AddMinutes(5));

        Assert.Equal(Start + Window, counter.BlockedUntil("SANNE", Start.AddMinutes(6)));
        Assert.Null(counter.BlockedUntil("SANNE", Start + Window));
        Assert.Equal(Start.AddMinutes(5) + Window, BlockedAfterOneMore(counter, Start + Window));
    }

    [Fact]
    public void Add_AtCapacity_DropsExpiredKeysFirst()
    {
        var counter = new SignInFailureCounter(limit: 2, Window, capacity: 10);
        for (var key = 0; key < 10; key++)
        {
            counter.Add($"old{key}", Start);
        }

        counter.Add("new", Start + Window);

        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public void Add_AtCapacityNothingExpired_DropsTheLeastRecentlyFailedKeysAndKeepsTheBlockedOne()
    {
        var counter = new SignInFailureCounter(limit: 2, Window, capacity: 10);
        for (var key = 0; key < 9; key++)
        {
            counter.Add($"early{key}", Start.AddMinutes(key % 3));
        }

        counter.Add("blocked", Start.AddMinutes(5));
        counter.Add("blocked", Start.AddMinutes(5));

        counter.Add("new", Start.AddMinutes(6));

        Assert.Equal(10, counter.Count);
        Assert.NotNull(counter.BlockedUntil("blocked", Start.AddMinutes(6)));
    }

    [Fact]
    public void Remove_TheOnlyFailure_ForgetsTheKey()
    {
        var counter = new SignInFailureCounter(limit: 1, Window, capacity: 10);
        counter.Add("127.0.0.1", Start);

        counter.Remove("127.0.0.1", Start);

        Assert.Null(counter.BlockedUntil("127.0.0.1", Start));
        Assert.Equal(0, counter.Count);
    }

    private static DateTimeOffset? BlockedAfterOneMore(SignInFailureCounter counter, DateTimeOffset at)
    {
        counter.Add("SANNE", at);
        return counter.BlockedUntil("SANNE", at);
    }
}
