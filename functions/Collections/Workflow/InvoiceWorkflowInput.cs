using Collections.Invoices;
using Collections.Policy;

namespace Collections.Workflow;

/// <summary>Starts (or, with <paramref name="State"/>, continues as new) an invoice workflow.
/// The policy is pinned here: the workflow runs to its end on the version it started with.</summary>
public sealed record InvoiceWorkflowInput(Invoice Invoice, CollectionsPolicy Policy, InvoiceState? State = null);

/// <summary>How an invoice workflow ended.</summary>
public enum InvoiceResult
{
    Paid,
    Cancelled,
    HandedOver,
    ClosedByStaff,
}
