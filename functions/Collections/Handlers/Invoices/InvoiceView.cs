using Collections.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>Everything about one invoice: as received, whether staff paused chasing, where its workflow
/// stands, the money received and the full contact timeline (R10).</summary>
/// <param name="OpenBalance">What is still owed, never below zero.</param>
/// <param name="Credit">What was received beyond the invoice (an overpayment): the debtor's credit, zero when none.</param>
public sealed record InvoiceView(
    Invoice Invoice,
    string Status,
    decimal OpenBalance,
    decimal Credit,
    DateTimeOffset ReceivedAt,
    InvoicePause? Paused,
    WorkflowView? Workflow,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<ContactLogEntry> Timeline);
