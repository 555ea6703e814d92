using Collections.Invoices;

namespace Collections.Handlers.Deliveries;

/// <summary>A debtor wrote to us (a WhatsApp message to our business number).</summary>
/// <param name="EventId">The event's id; a redelivered event has the same one.</param>
/// <param name="From">The debtor's number, E.164.</param>
/// <param name="At">When the channel received it, if it said.</param>
public sealed record InboundMessage(string EventId, Channel Channel, string From, string Text, DateTimeOffset? At);
