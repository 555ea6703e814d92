using Collections.Invoices;

namespace Collections.Messages;

/// <summary>One invoice a message is about (R9: number, date, customer reference, amount due).</summary>
/// <param name="Amount">The invoice amount as issued.</param>
/// <param name="OpenAmount">The principal still open (after partial payments and credit notes).</param>
/// <param name="Costs">Collection costs or the B2B compensation charged on this invoice now (0 when none).</param>
/// <param name="Interest">Statutory interest charged on this invoice up to the message date (0 when none).</param>
/// <param name="AnnouncedCosts">Consumer final notice only: the exact collection costs that will be charged
/// if the debtor does not pay within the fourteen days (LAW.md, WIK).</param>
public sealed record InvoiceLine(
    string Number,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Amount,
    decimal OpenAmount,
    string? CustomerReference = null,
    decimal Costs = 0m,
    decimal Interest = 0m,
    decimal AnnouncedCosts = 0m)
{
    public decimal TotalDue => OpenAmount + Costs + Interest;

    /// <summary>A line for an invoice with nothing paid and nothing charged yet.</summary>
    public static InvoiceLine From(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceLine(invoice.Number, invoice.IssueDate, invoice.DueDate, invoice.Amount, invoice.Amount, invoice.CustomerReference);
    }
}
