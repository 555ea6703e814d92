using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>One line of the invoice list.</summary>
public sealed record InvoiceSummary(
    string Number,
    string? Source,
    string DebtorId,
    string DebtorName,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Amount,
    string Currency,
    decimal OpenBalance,
    string Status,
    DateTimeOffset ReceivedAt,
    InvoicePause? Paused)
{
    public static InvoiceSummary From(InvoiceRecord record) =>
        new(
            record.Invoice.Number,
            record.Invoice.Source,
            record.Invoice.Debtor.Id,
            record.Invoice.Debtor.Name,
            record.Invoice.IssueDate,
            record.Invoice.DueDate,
            record.Invoice.Amount,
            record.Invoice.Currency,
            record.OpenBalance,
            record.Status,
            record.ReceivedAt,
            record.Paused);
}
