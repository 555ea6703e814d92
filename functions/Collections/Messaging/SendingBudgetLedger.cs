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
/// </summary>
public sealed class SendingBudgetLedger(SendingBudgets budgets, ICollectionsStore store)
{
    // Conflicts mean other instances are counting at the same moment; each retry reads their counts.
    private const int MaxAttempts = 50;

    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> counted = new(StringComparer.Ordinal);
    private DateTimeOffset latestHour;

    /// <summary>Whether a send could go now, without taking from the budget (one read, nothing written): null when it
    /// could, else the first moment it may. Lets a send that must wait say so before it takes any turn.</summary>
    public async Task<DateTimeOffset?> PeekAsync(Channel channel, string key, DateTimeOffset at) =>
        Decide(channel, key, at, (await ReadAsync(channel)).Window).NotBefore;

    /// <summary>Takes one send from the budget: null when it may go now, else the first moment it may.</summary>
    public async Task<DateTimeOffset?> TryTakeAsync(Channel channel, string key, DateTimeOffset at)
    {
        var hour = Floor(at, TimeSpan.FromHours(1));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (window, version) = await ReadAsync(channel);
            var (notBefore, current) = Decide(channel, key, at, window);
            if (notBefore is not null || current is null)
            {
                return notBefore;
            }

            if (await WriteAsync(channel, current with { MinuteCount = current.MinuteCount + 1, HourCount = current.HourCount + 1 }, version))
            {
                lock (gate)
                {
                    counted[key] = hour;
                }

                return null;
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

    /// <returns>When the send may go (null: now), and the window to count it in (null: already counted by this process).</returns>
    private (DateTimeOffset? NotBefore, BudgetWindow? Current) Decide(Channel channel, string key, DateTimeOffset at, BudgetWindow window)
    {
        if (window.BlockedUntil is { } until && at < until)
        {
            return (until, null);
        }

        var minute = Floor(at, TimeSpan.FromMinutes(1));
        var hour = Floor(at, TimeSpan.FromHours(1));
        lock (gate)
        {
            Forget(hour);
            if (counted.ContainsKey(key))
            {
                return (null, null);
            }
        }

        // An older moment than the window (a workflow catching up) counts in the current window.
        var current = window with
        {
            Minute = minute > window.Minute ? minute : window.Minute,
            MinuteCount = minute > window.Minute ? 0 : window.MinuteCount,
            Hour = hour > window.Hour ? hour : window.Hour,
            HourCount = hour > window.Hour ? 0 : window.HourCount,
        };
        var budget = budgets.For(channel);
        DateTimeOffset? next = null;
        if (current.MinuteCount >= budget.PerMinute)
        {
            next = current.Minute.AddMinutes(1);
        }

        if (budget.PerHour is { } hourly && current.HourCount >= hourly)
        {
            next = current.Hour.AddHours(1);
        }

        return (next, current);
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

    /// <summary>One channel's counts in its latest minute and hour, and the end of a provider's 429 block.</summary>
    private sealed record BudgetWindow(DateTimeOffset Minute, int MinuteCount, DateTimeOffset Hour, int HourCount, DateTimeOffset? BlockedUntil);
}
