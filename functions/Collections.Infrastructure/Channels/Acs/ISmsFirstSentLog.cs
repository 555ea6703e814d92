namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Remembers when a message was first sent, per idempotency key, so every retry within ACS's repeatability
/// tracking window presents the same <c>repeatabilityFirstSent</c>. Register <see cref="SqliteSmsFirstSentLog"/>
/// (or another durable implementation) to carry it across process restarts.</summary>
public interface ISmsFirstSentLog
{
    /// <summary>The first-sent time stored for the key if it is younger than <paramref name="maxAge"/>;
    /// otherwise stores and returns <paramref name="now"/>.</summary>
    Task<DateTimeOffset> GetOrRenewAsync(string idempotencyKey, DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken);
}
