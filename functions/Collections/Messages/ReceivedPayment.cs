namespace Collections.Messages;

/// <summary>A payment a payment-received message thanks the debtor for.</summary>
public sealed record ReceivedPayment(DateOnly ReceivedOn, decimal Amount);
