namespace Collections.Messaging;

/// <summary>The message-sending port the workflow's activities use. Implementations: ACS SMS,
/// ACS Email, SMTP, and the local outbox.</summary>
public interface IMessageSender
{
    /// <summary>Sends the message once per <see cref="OutgoingMessage.IdempotencyKey"/>.
    /// Throws <see cref="MessageRejectedException"/> when the provider refuses it for good;
    /// any other exception is transient and the activity may be retried.</summary>
    Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <param name="ProviderMessageId">The provider's id, matched against delivery reports.</param>
public sealed record SendReceipt(string ProviderMessageId, DateTimeOffset AcceptedAt);
