namespace Collections.Handlers.Payments;

/// <param name="OpenBalance">The invoice's balance after this payment; null while the invoice is not received yet.</param>
public sealed record PaymentView(
    string PaymentId,
    string InvoiceNumber,
    decimal Amount,
    string Currency,
    DateTimeOffset PaidAt,
    string Source,
    decimal? OpenBalance);
