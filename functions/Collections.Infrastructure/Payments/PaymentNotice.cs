namespace Collections.Infrastructure.Payments;

/// <summary>A payment a provider confirmed for an invoice.</summary>
/// <param name="Provider">"generic", "stripe" or "mollie".</param>
/// <param name="PaymentId">The provider's payment id; the same payment always has the same id (dedupe key).</param>
/// <param name="EventId">The provider's event id when it sends one (Stripe), for dedupe of re-deliveries.</param>
public sealed record PaymentNotice(
    string Provider,
    string PaymentId,
    string InvoiceNumber,
    decimal Amount,
    string Currency,
    DateTimeOffset PaidAt,
    string? EventId = null);
