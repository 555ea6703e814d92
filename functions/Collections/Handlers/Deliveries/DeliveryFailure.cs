using Collections.Invoices;

namespace Collections.Handlers.Deliveries;

/// <summary>A channel reported that a message did not arrive.</summary>
/// <param name="EventId">The report's id; a redelivered report has the same one.</param>
/// <param name="WorkflowInstanceId">The tag the message was sent with (the workflow instance id).</param>
public sealed record DeliveryFailure(string EventId, string WorkflowInstanceId, Channel Channel, string Recipient, string ProviderStatus, string? Details);
