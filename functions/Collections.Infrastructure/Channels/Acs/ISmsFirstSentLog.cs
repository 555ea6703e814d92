namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Remembers when a message was first sent, per idempotency key, so every retry presents the
/// same <c>repeatabilityFirstSent</c> to ACS. Register a durable implementation to carry it across restarts.</summary>
public interface ISmsFirstSentLog
{
    /// <summary>The first-sent time stored for the key; stores and returns <paramref name="now"/> if there is none.</summary>
    Task<DateTimeOffset> GetOrAddAsync(string idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken);
}
