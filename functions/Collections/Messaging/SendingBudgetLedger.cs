using Collections.Invoices;

namespace Collections.Messaging;

/// <summary>Counts sends per channel in fixed minute and hour windows of the workflows' time, across every workflow
/// of this process (the activities are one instance per host). A send is counted once per idempotency key, so a
/// retried activity does not use the budget twice. A 429 blocks the channel until its Retry-After.</summary>
public sealed class SendingBudgetLedger(SendingBudgets budgets)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(Channel, DateTimeOffset), int> perMinute = [];
    private readonly Dictionary<(Channel, DateTimeOffset), int> perHour = [];
    private readonly Dictionary<string, DateTimeOffset> counted = new(StringComparer.Ordinal);
    private readonly Dictionary<Channel, DateTimeOffset> blockedUntil = [];
    private DateTimeOffset latestHour;

    /// <summary>Takes one send from the budget: null when it may go now, else the first moment it may.</summary>
    public DateTimeOffset? TryTake(Channel channel, string key, DateTimeOffset at)
    {
        var budget = budgets.For(channel);
        var minute = Floor(at, TimeSpan.FromMinutes(1));
        var hour = Floor(at, TimeSpan.FromHours(1));
        lock (gate)
        {
            if (counted.ContainsKey(key))
            {
                return null;
            }

            if (blockedUntil.TryGetValue(channel, out var until) && at < until)
            {
                return until;
            }

            Forget(hour);
            DateTimeOffset? next = null;
            if (perMinute.GetValueOrDefault((channel, minute)) >= budget.PerMinute)
            {
                next = minute.AddMinutes(1);
            }

            if (budget.PerHour is { } hourly && perHour.GetValueOrDefault((channel, hour)) >= hourly)
            {
                next = hour.AddHours(1);
            }

            if (next is not null)
            {
                return next;
            }

            perMinute[(channel, minute)] = perMinute.GetValueOrDefault((channel, minute)) + 1;
            perHour[(channel, hour)] = perHour.GetValueOrDefault((channel, hour)) + 1;
            counted[key] = hour;
            return null;
        }
    }

    /// <summary>The provider throttled this send: it was not sent (its key may take the budget again later),
    /// and nothing goes by this channel before <paramref name="until"/>.</summary>
    public void Throttled(Channel channel, string key, DateTimeOffset until)
    {
        lock (gate)
        {
            counted.Remove(key);
            blockedUntil[channel] = blockedUntil.TryGetValue(channel, out var earlier) && earlier > until ? earlier : until;
        }
    }

    // Windows before the latest hour are done with: drop them (once per new hour) so the ledger stays small.
    private void Forget(DateTimeOffset hour)
    {
        if (hour <= latestHour)
        {
            return;
        }

        latestHour = hour;
        foreach (var old in perMinute.Keys.Where(window => window.Item2 < hour).ToList())
        {
            perMinute.Remove(old);
        }

        foreach (var old in perHour.Keys.Where(window => window.Item2 < hour).ToList())
        {
            perHour.Remove(old);
        }

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
}
