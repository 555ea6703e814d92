namespace Collections.Web.Staff;

/// <summary>Failed sign-ins per key (a user name or a client address) within a sliding window, in bounded
/// memory: at most <c>limit</c> timestamps per key and at most <c>capacity</c> keys. Not thread-safe;
/// <see cref="SignInThrottle"/> serialises access.</summary>
internal sealed class SignInFailureCounter(int limit, TimeSpan window, int capacity)
{
    private readonly Dictionary<string, List<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public int Count => failures.Count;

    /// <summary>When <paramref name="key"/> may try again: null when it may now, else the moment its oldest
    /// counted failure leaves the window.</summary>
    public DateTimeOffset? BlockedUntil(string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            return null;
        }

        times.RemoveAll(at => at + window <= now);
        if (times.Count == 0)
        {
            failures.Remove(key);
            return null;
        }

        return times.Count >= limit ? times[0] + window : null;
    }

    public void Add(string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            MakeRoom(now);
            times = new List<DateTimeOffset>(Math.Min(limit, 8));
            failures[key] = times;
        }

        times.Add(now);
        if (times.Count > limit)
        {
            times.RemoveRange(0, times.Count - limit);
        }
    }

    /// <summary>Takes back one failure counted at <paramref name="at"/> (an attempt that turned out to succeed).</summary>
    public void Remove(string key, DateTimeOffset at)
    {
        if (failures.TryGetValue(key, out var times) && times.Remove(at) && times.Count == 0)
        {
            failures.Remove(key);
        }
    }

    public void Clear(string key) => failures.Remove(key);

    /// <summary>At capacity: drop keys whose failures have all expired; if that is not enough, drop the tenth
    /// of keys that failed least recently. Pushing out a key this way takes <c>capacity</c> fresh failures,
    /// which the per-address limit spreads over many addresses; refusing everyone instead would let such a
    /// flood lock all staff out.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (failures.Count < capacity)
        {
            return;
        }

        foreach (var expired in failures.Where(pair => pair.Value[^1] + window <= now).Select(pair => pair.Key).ToList())
        {
            failures.Remove(expired);
        }

        if (failures.Count < capacity)
        {
            return;
        }

        foreach (var stale in failures.OrderBy(pair => pair.Value[^1]).Take(Math.Max(1, capacity / 10)).Select(pair => pair.Key).ToList())
        {
            failures.Remove(stale);
        }
    }
}
