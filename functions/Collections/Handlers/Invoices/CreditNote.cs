namespace Collections.Handlers.Invoices;

/// <summary>A credit note the accounting system booked against an invoice; applied once per number.</summary>
public sealed record CreditNote(string? CreditNoteNumber, decimal? Amount, string? Reason = null);
