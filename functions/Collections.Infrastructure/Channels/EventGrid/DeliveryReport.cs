using Collections.Invoices;

namespace Collections.Infrastructure.Channels.EventGrid;

/// <summary>One delivery outcome from an ACS delivery-report event.</summary>
/// <param name="EventId">Event Grid's event id: deliveries are at-least-once, dedupe on it.</param>
/// <param name="MessageId">The provider id: the SMS messageId, or for email the send operation id
/// (both equal <c>SendReceipt.ProviderMessageId</c>).</param>
/// <param name="Tag">The SMS tag we sent (the workflow instance id); email reports carry none.</param>
/// <param name="Recipient">Phone number (E.164, '+' restored) or email address.</param>
/// <param name="ProviderStatus">The status as ACS reported it, e.g. Delivered, Bounced.</param>
public sealed record DeliveryReport(
    string EventId,
    Channel Channel,
    string MessageId,
    string? Tag,
    string Recipient,
    bool Delivered,
    string ProviderStatus,
    string? Details,
    DateTimeOffset? At);
