using Collections.Messaging;
using Collections.Storage;
using Microsoft.Extensions.Logging;
using Collections.Privacy;

namespace Collections.Infrastructure.Channels.Outbox;

/// <summary>The default channel when no provider is configured: keeps the fully rendered message in the
/// store's outbox (shown on the staff pages) instead of sending it. Stored once per idempotency key.</summary>
public sealed class OutboxMessageSender(ICollectionsStore store, TimeProvider timeProvider, ILogger<OutboxMessageSender> logger) : IMessageSender
{
    public async Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = timeProvider.GetUtcNow();
        var added = await store.AddOutboxMessageAsync(new OutboxMessage(message.IdempotencyKey, message, now), cancellationToken);
        if (added)
        {
            logger.LogInformation("Outbox: {Channel} message {Key} to {To} stored", message.Channel, message.IdempotencyKey, Masked.Recipient(message.To));
        }

        return new SendReceipt(OutboxId(message.IdempotencyKey), now);
    }

    /// <summary>The provider message id the outbox reports (delivery reports never arrive for it).</summary>
    public static string OutboxId(string idempotencyKey) => $"outbox:{idempotencyKey}";
}
