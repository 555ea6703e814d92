using Collections.Invoices;
using Collections.Messaging;

namespace Collections.Tests.Messaging;

public sealed class SendingBudgetLedgerTests
{
    private static readonly DateTimeOffset Ten = new(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void TryTake_OverThePerMinuteBudget_NextMinute_OtherChannelsUntouched()
    {
        var ledger = new SendingBudgetLedger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 2 } });

        Assert.Null(ledger.TryTake(Channel.Sms, "a", Ten));
        Assert.Null(ledger.TryTake(Channel.Sms, "b", Ten.AddSeconds(30)));
        Assert.Equal(Ten.AddMinutes(1), ledger.TryTake(Channel.Sms, "c", Ten.AddSeconds(59)));
        Assert.Null(ledger.TryTake(Channel.Email, "d", Ten));
        Assert.Null(ledger.TryTake(Channel.Sms, "c", Ten.AddMinutes(1)));
    }

    [Fact]
    public void TryTake_OverThePerHourBudget_NextHour()
    {
        var ledger = new SendingBudgetLedger(new SendingBudgets());

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(ledger.TryTake(Channel.Email, $"m{i}", Ten.AddMinutes(i / 30)));
        }

        Assert.Equal(Ten.AddHours(1), ledger.TryTake(Channel.Email, "m100", Ten.AddMinutes(30)));
    }

    [Fact]
    public void TryTake_SameKeyAgain_CountedOnce()
    {
        var ledger = new SendingBudgetLedger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 1 } });

        Assert.Null(ledger.TryTake(Channel.Sms, "a", Ten));
        Assert.Null(ledger.TryTake(Channel.Sms, "a", Ten.AddSeconds(5)));
        Assert.NotNull(ledger.TryTake(Channel.Sms, "b", Ten.AddSeconds(5)));
    }

    [Fact]
    public void Throttled_BlocksTheChannelUntilRetryAfter_AndTheKeyMayTakeAgain()
    {
        var ledger = new SendingBudgetLedger(new SendingBudgets { Sms = new ChannelBudget { PerMinute = 5 } });
        Assert.Null(ledger.TryTake(Channel.Sms, "a", Ten));

        ledger.Throttled(Channel.Sms, "a", Ten.AddSeconds(90));

        Assert.Equal(Ten.AddSeconds(90), ledger.TryTake(Channel.Sms, "a", Ten.AddSeconds(10)));
        Assert.Equal(Ten.AddSeconds(90), ledger.TryTake(Channel.Sms, "b", Ten.AddSeconds(10)));
        Assert.Null(ledger.TryTake(Channel.Sms, "a", Ten.AddSeconds(90)));
    }
}
