using Collections.Infrastructure.Storage;
using Collections.Invoices;
using Collections.Messaging;

namespace Collections.Tests.Messaging;

/// <summary>The sending budget on a real SQLite store; two ledgers on one store are two instances.</summary>
public sealed class SendingBudgetLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Ten = new(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(1));
    private readonly string folder = Directory.CreateTempSubdirectory("collections-budget-").FullName;

    [Fact]
    public async Task TryTake_OverThePerMinuteBudget_NextMinute_OtherChannelsUntouched()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 2 } });

        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "b", Ten.AddSeconds(30)));
        Assert.Equal(Ten.AddMinutes(1), await ledger.TryTakeAsync(Channel.Sms, "c", Ten.AddSeconds(59)));
        Assert.Null(await ledger.TryTakeAsync(Channel.Email, "d", Ten));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "c", Ten.AddMinutes(1)));
    }

    [Fact]
    public async Task TryTake_OverThePerHourBudget_NextHour()
    {
        var ledger = Ledger(new SendingBudgets());

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(await ledger.TryTakeAsync(Channel.Email, $"m{i}", Ten.AddMinutes(i / 30)));
        }

        Assert.Equal(Ten.AddHours(1), await ledger.TryTakeAsync(Channel.Email, "m100", Ten.AddMinutes(30)));
    }

    [Fact]
    public async Task Peek_SaysWhatTryTakeWould_AndTakesNothing()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 1 } });

        Assert.Null(await ledger.PeekAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.PeekAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.PeekAsync(Channel.Sms, "a", Ten.AddSeconds(5)));
        Assert.Equal(Ten.AddMinutes(1), await ledger.PeekAsync(Channel.Sms, "b", Ten.AddSeconds(5)));
    }

    [Fact]
    public async Task TryTake_SameKeyAgain_CountedOnce()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 1 } });

        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten.AddSeconds(5)));
        Assert.NotNull(await ledger.TryTakeAsync(Channel.Sms, "b", Ten.AddSeconds(5)));
    }

    [Fact]
    public async Task Throttled_BlocksTheChannelUntilRetryAfter_AndTheKeyMayTakeAgain()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 5 } });
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));

        await ledger.ThrottledAsync(Channel.Sms, "a", Ten.AddSeconds(90));

        Assert.Equal(Ten.AddSeconds(90), await ledger.TryTakeAsync(Channel.Sms, "a", Ten.AddSeconds(10)));
        Assert.Equal(Ten.AddSeconds(90), await ledger.TryTakeAsync(Channel.Sms, "b", Ten.AddSeconds(10)));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten.AddSeconds(90)));
    }

    [Fact]
    public async Task TwoInstancesOnOneStore_ShareOneBudget_AndOnesThrottleBlocksTheOther()
    {
        var budgets = new SendingBudgets { Email = new ChannelBudget { PerMinute = 30, PerHour = 100 } };
        var instances = new[] { Ledger(budgets), Ledger(budgets) };

        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(send =>
            Task.Run(() => instances[send % 2].TryTakeAsync(Channel.Email, $"m{send}", Ten.AddSeconds(send)))));
        Assert.Equal(30, taken.Count(next => next is null));
        Assert.All(taken.Where(next => next is not null), next => Assert.Equal(Ten.AddMinutes(1), next));

        await instances[0].ThrottledAsync(Channel.Email, "m0", Ten.AddMinutes(5));
        Assert.Equal(Ten.AddMinutes(5), await instances[1].TryTakeAsync(Channel.Email, "m99", Ten.AddMinutes(2)));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A ledger as one instance has it: its own store client on the shared file.</summary>
    private SendingBudgetLedger Ledger(SendingBudgets budgets) =>
        new(budgets, new SqliteCollectionsStore(Path.Combine(folder, "collections.db")));
}
