using Collections.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>Everything about one invoice: as received, whether staff paused chasing, where its workflow
/// stands, the money received and the full contact timeline (R10).</summary>
public sealed record InvoiceView(
    Invoice Invoice,
    string Status,
    decimal OpenBalance,
    DateTimeOffset ReceivedAt,
    InvoicePause? Paused,
    WorkflowView? Workflow,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<ContactLogEntry> Timeline);
