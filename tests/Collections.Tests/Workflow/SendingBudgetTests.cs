using System.Globalization;
using Collections.Activities;
using Collections.Messaging;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Storage;

namespace Collections.Tests.Workflow;

/// <summary>Issue 13: more reminders due at 10:00 than the SMS budget allows. Exactly the budget goes out per window,
/// the rest in the next windows; what no longer fits the message window (08:00–20:00) goes the next morning with
/// its deadline counted from that day. None lost, none twice.</summary>
public sealed class SendingBudgetTests
{
    [Fact]
    public async Task TwelveRemindersDue_OneAnHourBudget_TenOnTheDayTwoTheNextMorning_DeadlinesMoved()
    {
        var lines = await RunAsync(12, new ChannelBudget { PerMinute = 100, PerHour = 1 });

        Assert.Equal(
        [
            "2026-03-04T10:00 deadline 2026-03-11", "2026-03-04T11:00 deadline 2026-03-11", "2026-03-04T12:00 deadline 2026-03-11",
            "2026-03-04T13:00 deadline 2026-03-11", "2026-03-04T14:00 deadline 2026-03-11", "2026-03-04T15:00 deadline 2026-03-11",
            "2026-03-04T16:00 deadline 2026-03-11", "2026-03-04T17:00 deadline 2026-03-11", "2026-03-04T18:00 deadline 2026-03-11",
            "2026-03-04T19:00 deadline 2026-03-11", "2026-03-05T08:00 deadline 2026-03-12", "2026-03-05T09:00 deadline 2026-03-12",
        ], lines.Messages);
        Assert.Equal(12, lines.Sent);
    }

    [Fact]
    public async Task FiveRemindersDue_TwoAMinuteBudget_TwoTwoOne()
    {
        var lines = await RunAsync(5, new ChannelBudget { PerMinute = 2 });

        Assert.Equal(
        [
            "2026-03-04T10:00 deadline 2026-03-11", "2026-03-04T10:00 deadline 2026-03-11",
            "2026-03-04T10:01 deadline 2026-03-11", "2026-03-04T10:01 deadline 2026-03-11",
            "2026-03-04T10:02 deadline 2026-03-11",
        ], lines.Messages);
        Assert.Equal(5, lines.Sent);
    }

    [Fact]
    public async Task ThirtyRemindersDue_ThreeAnHourBudget_EachWaitingOneWaitsOnceForItsSlot()
    {
        var options = InvoiceActivityOptions.Example with { SendingBudgets = new SendingBudgets { Sms = new ChannelBudget { PerMinute = 100, PerHour = 3 } } };
        await using var host = await WorkflowHarness.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)), options);
        for (var i = 1; i <= 30; i++)
        {
            await host.StartInvoiceAsync(WorkflowHarness.Invoice($"F2026-{i:D4}", $"C-{i}"), new CollectionsPolicy());
        }

        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 4, 21, 0, 0, TimeSpan.FromHours(1)), CancellationToken.None);

        var sent = new List<string>();
        for (var i = 1; i <= 30; i++)
        {
            sent.AddRange((await host.Store.ListContactsOfDebtorAsync($"C-{i}", CancellationToken.None))
                .Where(entry => entry.Kind == ContactKinds.Message)
                .Select(entry => entry.At.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture)));
        }

        Assert.Equal(30, sent.Count);
        Assert.Equal(30, host.Sender.Sent.Count);
        Assert.All(sent.GroupBy(hour => hour), hour => Assert.Equal(3, hour.Count()));
        Assert.Equal(10, sent.Distinct().Count());

        // Sent at 10:00 or at a slot up to 19:00: the ones that waited took the same turns, however long they waited
        // (before slots, one sent at 19:00 had asked again every hour since 10:00).
        var turns = host.TurnsPerInstance().Values.Order().ToList();
        Assert.Equal(30, turns.Count);
        Assert.Single(turns.Skip(3).Distinct());
        Assert.True(turns[0] < turns[3], $"the three sent at once took fewer turns than those that waited ({string.Join(", ", turns)})");
    }

    /// <summary>Runs <paramref name="count"/> invoices of different debtors, all due 2026-03-03, to 2026-03-06;
    /// returns the messages as "local time deadline …", in time order, and how many messages the channel got.</summary>
    private static async Task<(List<string> Messages, int Sent)> RunAsync(int count, ChannelBudget sms)
    {
        var options = InvoiceActivityOptions.Example with { SendingBudgets = new SendingBudgets { Sms = sms } };
        await using var host = await WorkflowHarness.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)), options);
        for (var i = 1; i <= count; i++)
        {
            await host.StartInvoiceAsync(WorkflowHarness.Invoice($"F2026-{i:D4}", $"C-{i}"), new CollectionsPolicy());
        }

        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.FromHours(1)), CancellationToken.None);

        var messages = new List<(DateTimeOffset At, string Line)>();
        for (var i = 1; i <= count; i++)
        {
            foreach (var line in Timeline.From(await host.Store.ListContactsOfDebtorAsync($"C-{i}", CancellationToken.None), false).Where(line => (string?)line["type"] == "message"))
            {
                var at = DateTimeOffset.Parse(line["at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                messages.Add((at, $"{at:yyyy-MM-ddTHH:mm} deadline {line["deadline"]}"));
            }
        }

        return ([.. messages.OrderBy(message => message.At).Select(message => message.Line)], host.Sender.Sent.Count);
    }
}
