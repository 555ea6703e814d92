namespace Collections.Infrastructure.Payments;

/// <summary>A payment as Mollie reports it: its status and, only when it is <c>paid</c> and belongs to
/// an invoice, the payment notice.</summary>
public sealed record MolliePayment(string Id, string Status, PaymentNotice? Paid, string? NoPaymentBecause);
