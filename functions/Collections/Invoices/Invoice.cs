namespace Collections.Invoices;

/// <summary>An invoice as an accounting system posts it (the <c>invoice</c> object of a scenario).</summary>
public sealed record Invoice(
    string Number,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Amount,
    string Currency,
    Debtor Debtor,
    string? CustomerReference = null,
    string? Source = null);
