namespace Collections.Invoices;

public sealed record Debtor(
    string Id,
    string Name,
    DebtorKind Kind,
    string? Email,
    string? Phone,
    Channel PreferredChannel,
    string Language,
    PaymentHistory? History = null,
    WhatsAppOptIn? WhatsAppOptIn = null,
    string? ContactName = null);

public enum DebtorKind
{
    Consumer,
    Business,
}

public enum Channel
{
    Sms,
    Email,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("whatsapp")]
    WhatsApp,
}

/// <summary>The debtor agreed to receive WhatsApp messages from us: WhatsApp's Business Messaging Policy
/// (business.whatsapp.com/policy) allows business-initiated messages only with such an opt-in.</summary>
/// <param name="Source">Where it was given, e.g. <c>accounting-system</c> or <c>debtor-page</c>.</param>
public sealed record WhatsAppOptIn(DateTimeOffset At, string Source);

/// <summary>How the debtor paid earlier invoices (R12): shapes the pre-due nudge and the first call.</summary>
public sealed record PaymentHistory(int InvoicesPaidLate, int InvoicesPaidOnTime, double AverageDaysLate);
