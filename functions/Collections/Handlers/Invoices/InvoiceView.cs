using Collections.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>Everything about one invoice: as received, where its workflow stands, the money
/// received and the full contact timeline (R10).</summary>
public sealed record InvoiceView(
    Invoice Invoice,
    string Status,
    decimal OpenBalance,
    DateTimeOffset ReceivedAt,
    WorkflowView? Workflow,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<ContactLogEntry> Timeline);
