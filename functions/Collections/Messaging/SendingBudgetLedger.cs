using System.Text.Json;
using Collections.Invoices;
using Collections.Json;
using Collections.Storage;

namespace Collections.Messaging;

/// <summary>
/// Counts sends per channel in the current minute and hour of the workflows' time, shared by every instance that
/// uses the store: a provider's limit is per subscription, not per instance, so two Functions instances or two
/// servers share one budget. Each channel's counts are one shared value, updated read-modify-write against its
/// version. A send is counted once per idempotency key in this process, so a retried activity does not use the
/// budget twice (retried on another instance, it may count twice: the safe side). A 429 blocks the channel for
/// every instance until its Retry-After.
/// <para>A send over the budget is given a slot: the first minute with room, counted now, so the counts may run
/// ahead of the clock (everything before them is full). The workflow sleeps until its slot and sends on it without
/// asking again: a month-end batch waits once per message day instead of once an hour. A slot is only given before
/// the end of the sender's message window; past it the send waits for the window to end and asks again in the next
/// one. A slot that is not used (the debtor paid meanwhile) stays counted: the budget errs on the safe side.</para>
/// </summary>
public sealed class SendingBudgetLedger(SendingBudgets budgets, ICollectionsStore store)
{
    // Conflicts mean other instances are counting at the same moment; each retry reads their counts.
    private const int MaxAttempts = 50;

    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> counted = new(StringComparer.Ordinal);
    private DateTimeOffset latestHour;

    /// <summary>Whether a send could go now, without taking from the budget when it could (one read): null when it
    /// could, else when to ask again (a slot is taken then, as by <see cref="TryTakeAsync"/>). Lets a send that must
    /// wait say so before it takes any turn.</summary>
    public async Task<BudgetWait?> PeekAsync(Channel channel, string key, DateTimeOffset at, BudgetRequest request = default)
    {
        var (window, _) = await ReadAsync(channel);
        var (wait, _) = Decide(channel, key, at, request, window);
        return wait is null ? null : await TryTakeAsync(channel, key, at, request);
    }

    /// <summary>Takes one send from the budget: null when it may go now, else when it may (with a slot for it, or
    /// the end of its message window).</summary>
    public async Task<BudgetWait?> TryTakeAsync(Channel channel, string key, DateTimeOffset at, BudgetRequest request = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (window, version) = await ReadAsync(channel);
            var (wait, counts) = Decide(channel, key, at, request, window);
            if (counts is null)
            {
                return wait;
            }

            if (await WriteAsync(channel, counts, version))
            {
                if (wait is null)
                {
                    lock (gate)
                    {
                        counted[key] = Floor(at, TimeSpan.FromHours(1));
                    }
                }

                return wait;
            }
        }

        throw new InvalidOperationException($"The {channel} sending budget changed {MaxAttempts} times while this send was counted; the activity will try again.");
    }

    /// <summary>The provider throttled this send: it was not sent (its key may take the budget again later),
    /// and nothing goes by this channel, from any instance, before <paramref name="until"/>.</summary>
    public async Task ThrottledAsync(Channel channel, string key, DateTimeOffset until)
    {
        lock (gate)
        {
            counted.Remove(key);
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (window, version) = await ReadAsync(channel);
            if (window.BlockedUntil >= until || await WriteAsync(channel, window with { BlockedUntil = until }, version))
            {
                return;
            }
        }
    }

    /// <returns>When the send may go (null: now), and the counts to write (null: nothing to count).</returns>
    private (BudgetWait? Wait, BudgetWindow? Counts) Decide(Channel channel, string key, DateTimeOffset at, BudgetRequest request, BudgetWindow window)
    {
        if (window.BlockedUntil is { } until && at < until)
        {
            return (new BudgetWait(until, Reserved: false), null);
        }

        var hour = Floor(at, TimeSpan.FromHours(1));
        if (request.Slot is { } slot)
        {
            // Counted when it was given; a send woken after its slot's hour has passed takes a new one.
            if (at < slot)
            {
                return (new BudgetWait(slot, Reserved: true), null);
            }

            if (Floor(slot, TimeSpan.FromHours(1)) == hour)
            {
                return (null, null);
            }
        }

        lock (gate)
        {
            Forget(hour);
            if (counted.ContainsKey(key))
            {
                return (null, null);
            }
        }

        var counts = FirstWithRoom(budgets.For(channel), window, Floor(at, TimeSpan.FromMinutes(1)));
        if (counts.Minute <= at)
        {
            return (null, counts);
        }

        return request.SendBy is { } sendBy && counts.Minute >= sendBy
            ? (new BudgetWait(sendBy, Reserved: false), null)
            : (new BudgetWait(counts.Minute, Reserved: true), counts);
    }

    /// <summary>The counts with this send added in the first minute, at or after <paramref name="minute"/> and not
    /// before the counts so far, that has room in its minute and its hour.</summary>
    private static BudgetWindow FirstWithRoom(ChannelBudget budget, BudgetWindow window, DateTimeOffset minute)
    {
        var current = minute > window.Minute
            ? window with
            {
                Minute = minute,
                MinuteCount = 0,
                Hour = Floor(minute, TimeSpan.FromHours(1)),
                HourCount = Floor(minute, TimeSpan.FromHours(1)) > window.Hour ? 0 : window.HourCount,
            }
            : window;
        while (true)
        {
            if (budget.PerHour is { } hourly && current.HourCount >= hourly)
            {
                var next = current.Hour.AddHours(1);
                current = current with { Minute = next, MinuteCount = 0, Hour = next, HourCount = 0 };
            }
            else if (current.MinuteCount >= budget.PerMinute)
            {
                var next = current.Minute.AddMinutes(1);
                var nextHour = Floor(next, TimeSpan.FromHours(1));
                current = current with { Minute = next, MinuteCount = 0, Hour = nextHour, HourCount = nextHour > current.Hour ? 0 : current.HourCount };
            }
            else
            {
                return current with { MinuteCount = current.MinuteCount + 1, HourCount = current.HourCount + 1 };
            }
        }
    }

    private async Task<(BudgetWindow Window, string? Version)> ReadAsync(Channel channel)
    {
        var stored = await store.GetSharedValueAsync(Name(channel), CancellationToken.None);
        return stored is null
            ? (new BudgetWindow(DateTimeOffset.MinValue, 0, DateTimeOffset.MinValue, 0, null), null)
            : (JsonSerializer.Deserialize<BudgetWindow>(stored.Value, CollectionsJson.Options)!, stored.Version);
    }

    private Task<bool> WriteAsync(Channel channel, BudgetWindow window, string? version) =>
        store.TrySetSharedValueAsync(Name(channel), JsonSerializer.Serialize(window, CollectionsJson.Options), version, CancellationToken.None);

    private static string Name(Channel channel) => "sending-budget:" + channel.ToString().ToLowerInvariant();

    // Keys counted before the latest hour are done with: drop them (once per new hour) so the ledger stays small.
    private void Forget(DateTimeOffset hour)
    {
        if (hour <= latestHour)
        {
            return;
        }

        latestHour = hour;
        foreach (var old in counted.Where(pair => pair.Value < hour).Select(pair => pair.Key).ToList())
        {
            counted.Remove(old);
        }
    }

    private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan unit)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % unit.Ticks), TimeSpan.Zero);
    }

    /// <summary>One channel's counts in its latest minute and hour (possibly ahead of the clock, through slots given),
    /// and the end of a provider's 429 block.</summary>
    private sealed record BudgetWindow(DateTimeOffset Minute, int MinuteCount, DateTimeOffset Hour, int HourCount, DateTimeOffset? BlockedUntil);
}
