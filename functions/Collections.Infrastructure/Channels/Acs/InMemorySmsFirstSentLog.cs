using System.Collections.Concurrent;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>The default first-sent log: lives as long as the process. After a restart a retry presents a new
/// first-sent time but the SAME repeatabilityRequestId (derived from the key), and ACS deduplicates on the id
/// for as long as it remembers it; the date only matters once the service's tracking window has passed.
/// Entries are kept for <see cref="Retention"/> (the activity retries long before that).</summary>
public sealed class InMemorySmsFirstSentLog(TimeProvider timeProvider) : ISmsFirstSentLog
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> firstSent = new(StringComparer.Ordinal);

    public Task<DateTimeOffset> GetOrAddAsync(string idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        RemoveExpired();
        return Task.FromResult(firstSent.GetOrAdd(idempotencyKey, now));
    }

    private void RemoveExpired()
    {
        var cutoff = timeProvider.GetUtcNow() - Retention;
        foreach (var entry in firstSent)
        {
            if (entry.Value < cutoff)
            {
                firstSent.TryRemove(entry);
            }
        }
    }
}
