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
    public async Task TryTake_OverThePerMinuteBudget_ASlotInTheNextMinute_OtherChannelsUntouched()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 2 } });

        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "b", Ten.AddSeconds(30)));
        Assert.Equal(Slot(Ten.AddMinutes(1)), await ledger.TryTakeAsync(Channel.Sms, "c", Ten.AddSeconds(59)));
        Assert.Null(await ledger.TryTakeAsync(Channel.Email, "d", Ten));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "c", Ten.AddMinutes(1), new BudgetRequest(Slot: Ten.AddMinutes(1))));
    }

    [Fact]
    public async Task TryTake_OverThePerHourBudget_SlotsFromTheNextHour_PerMinuteBudgetStillHolds()
    {
        var ledger = Ledger(new SendingBudgets());

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(await ledger.TryTakeAsync(Channel.Email, $"m{i}", Ten.AddMinutes(i / 30)));
        }

        var slots = new List<BudgetWait?>();
        for (var i = 100; i < 161; i++)
        {
            slots.Add(await ledger.TryTakeAsync(Channel.Email, $"m{i}", Ten.AddMinutes(30)));
        }

        Assert.Equal([.. Enumerable.Repeat(Slot(Ten.AddHours(1)), 30), .. Enumerable.Repeat(Slot(Ten.AddHours(1).AddMinutes(1)), 30), Slot(Ten.AddHours(1).AddMinutes(2))], slots);
    }

    [Fact]
    public async Task SlotsRunAhead_ASendArrivingLater_QueuesBehindThem_AndAGivenSlotIsNotCountedAgain()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 1 } });
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));
        Assert.Equal(Slot(Ten.AddMinutes(1)), await ledger.TryTakeAsync(Channel.Sms, "b", Ten));
        Assert.Equal(Slot(Ten.AddMinutes(2)), await ledger.TryTakeAsync(Channel.Sms, "c", Ten));

        Assert.Equal(Slot(Ten.AddMinutes(3)), await ledger.TryTakeAsync(Channel.Sms, "d", Ten.AddMinutes(1)));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "b", Ten.AddMinutes(1), new BudgetRequest(Slot: Ten.AddMinutes(1))));
        Assert.Equal(Slot(Ten.AddMinutes(2)), await ledger.TryTakeAsync(Channel.Sms, "c", Ten.AddMinutes(1), new BudgetRequest(Slot: Ten.AddMinutes(2))));
        Assert.Equal(Slot(Ten.AddMinutes(4)), await ledger.TryTakeAsync(Channel.Sms, "e", Ten.AddMinutes(1)));
    }

    [Fact]
    public async Task ASlotWhoseHourHasPassed_IsNotHonoured_TheSendTakesANewOne()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 1 } });

        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "late", Ten.AddHours(1), new BudgetRequest(Slot: Ten.AddMinutes(5))));
        Assert.Equal(Slot(Ten.AddHours(1).AddMinutes(1)), await ledger.TryTakeAsync(Channel.Sms, "next", Ten.AddHours(1)));
    }

    [Fact]
    public async Task NoSlotAtOrAfterTheEndOfTheMessageWindow_TheSendAsksAgainThen_NothingCounted()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 1 } });
        var windowEnd = Ten.AddMinutes(2);
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten, new BudgetRequest(SendBy: windowEnd)));
        Assert.Equal(Slot(Ten.AddMinutes(1)), await ledger.TryTakeAsync(Channel.Sms, "b", Ten, new BudgetRequest(SendBy: windowEnd)));

        Assert.Equal(new BudgetWait(windowEnd, Reserved: false), await ledger.TryTakeAsync(Channel.Sms, "c", Ten, new BudgetRequest(SendBy: windowEnd)));
        Assert.Equal(Slot(Ten.AddMinutes(2)), await ledger.TryTakeAsync(Channel.Sms, "d", Ten));
    }

    [Fact]
    public async Task Peek_WithRoom_TakesNothing_WithoutRoom_GivesTheSlotTryTakeWould()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 1 } });

        Assert.Null(await ledger.PeekAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.PeekAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));
        Assert.Null(await ledger.PeekAsync(Channel.Sms, "a", Ten.AddSeconds(5)));
        Assert.Equal(Slot(Ten.AddMinutes(1)), await ledger.PeekAsync(Channel.Sms, "b", Ten.AddSeconds(5)));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "b", Ten.AddMinutes(1), new BudgetRequest(Slot: Ten.AddMinutes(1))));
        Assert.Equal(Slot(Ten.AddMinutes(2)), await ledger.TryTakeAsync(Channel.Sms, "c", Ten.AddMinutes(1)));
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
    public async Task Throttled_BlocksTheChannelUntilRetryAfter_SlotsIncluded_AndTheKeyMayTakeAgain()
    {
        var ledger = Ledger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 5 } });
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten));

        await ledger.ThrottledAsync(Channel.Sms, "a", Ten.AddSeconds(90));

        var blocked = new BudgetWait(Ten.AddSeconds(90), Reserved: false);
        Assert.Equal(blocked, await ledger.TryTakeAsync(Channel.Sms, "a", Ten.AddSeconds(10)));
        Assert.Equal(blocked, await ledger.TryTakeAsync(Channel.Sms, "b", Ten.AddSeconds(10)));
        Assert.Equal(blocked, await ledger.TryTakeAsync(Channel.Sms, "c", Ten.AddMinutes(1), new BudgetRequest(Slot: Ten.AddMinutes(1))));
        Assert.Null(await ledger.TryTakeAsync(Channel.Sms, "a", Ten.AddSeconds(90)));
    }

    [Fact]
    public async Task TwoInstancesOnOneStore_ShareOneBudget_EverySlotDistinct_AndOnesThrottleBlocksTheOther()
    {
        var budgets = new SendingBudgets { Email = new ChannelBudget { PerMinute = 30, PerHour = 100 } };
        var instances = new[] { Ledger(budgets), Ledger(budgets) };

        var taken = await Task.WhenAll(Enumerable.Range(0, 70).Select(send =>
            Task.Run(() => instances[send % 2].TryTakeAsync(Channel.Email, $"m{send}", Ten.AddSeconds(send % 60)))));
        Assert.Equal(30, taken.Count(next => next is null));
        Assert.Equal(30, taken.Count(next => next == Slot(Ten.AddMinutes(1))));
        Assert.Equal(10, taken.Count(next => next == Slot(Ten.AddMinutes(2))));

        await instances[0].ThrottledAsync(Channel.Email, "m0", Ten.AddMinutes(5));
        Assert.Equal(new BudgetWait(Ten.AddMinutes(5), Reserved: false), await instances[1].TryTakeAsync(Channel.Email, "m99", Ten.AddMinutes(2)));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static BudgetWait Slot(DateTimeOffset at) => new(at, Reserved: true);

    /// <summary>A ledger as one instance has it: its own store client on the shared file.</summary>
    private SendingBudgetLedger Ledger(SendingBudgets budgets) =>
        new(budgets, new SqliteCollectionsStore(Path.Combine(folder, "collections.db")));
}
