namespace Collections.Handlers.Invoices;

/// <summary>A corrected amount or due date for an invoice; a field left out stays as it is.</summary>
/// <param name="By">Who amended it, for the timeline.</param>
public sealed record InvoiceAmendment(decimal? Amount = null, DateOnly? DueDate = null, string? By = null);
