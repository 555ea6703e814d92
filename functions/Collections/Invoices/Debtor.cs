namespace Collections.Invoices;

public sealed record Debtor(
    string Id,
    string Name,
    DebtorKind Kind,
    string? Email,
    string? Phone,
    Channel PreferredChannel,
    string Language,
    PaymentHistory? History = null);

public enum DebtorKind
{
    Consumer,
    Business,
}

public enum Channel
{
    Sms,
    Email,
}

/// <summary>How the debtor paid earlier invoices (R12): shapes the pre-due nudge and the first call.</summary>
public sealed record PaymentHistory(int InvoicesPaidLate, int InvoicesPaidOnTime, double AverageDaysLate);
