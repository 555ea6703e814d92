namespace Collections.Handlers.Payments;

/// <summary>A payment as an accounting system or the generic payment webhook reports it.
/// Fields are nullable so that a missing one is reported by name rather than as unreadable JSON.</summary>
/// <param name="PaymentId">The provider's or bookkeeping's id: a payment is applied once per id.</param>
/// <param name="PaidAt">When the money was received; the time of recording when absent.</param>
public sealed record PaymentRequest(string? PaymentId, decimal? Amount, string? Currency, DateTimeOffset? PaidAt = null);
