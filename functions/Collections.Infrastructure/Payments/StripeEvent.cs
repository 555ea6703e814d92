namespace Collections.Infrastructure.Payments;

/// <summary>A Stripe event: its id (dedupe key for re-deliveries), its type, and the payment it
/// confirms — or why it confirms none.</summary>
public sealed record StripeEvent(string Id, string Type, PaymentNotice? Payment, string? NoPaymentBecause);
