using System.Collections.Concurrent;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>The default first-sent log; it lives as long as the process. A retry after a restart presents the same
/// repeatabilityRequestId (derived from the key) with a new first-sent time: ACS may then refuse it as not matching
/// the tracked original, which the durable <see cref="SqliteSmsFirstSentLog"/> avoids.</summary>
public sealed class InMemorySmsFirstSentLog : ISmsFirstSentLog
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> firstSent = new(StringComparer.Ordinal);

    public Task<DateTimeOffset> GetOrRenewAsync(string idempotencyKey, DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        foreach (var entry in firstSent)
        {
            if (now - entry.Value > maxAge)
            {
                firstSent.TryRemove(entry);
            }
        }

        return Task.FromResult(firstSent.GetOrAdd(idempotencyKey, now));
    }
}
