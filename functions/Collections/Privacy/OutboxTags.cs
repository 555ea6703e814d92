using Collections.Workflow;

namespace Collections.Privacy;

/// <summary>The tag an invoice's messages carry in the outbox: its workflow id as the core names it, the same on
/// both engines (each engine maps it to its own instance id when a delivery report comes back).</summary>
public static class OutboxTags
{
    public static IReadOnlyList<string> Of(string invoiceNumber) => [InvoiceWorkflow.InstanceIdFor(invoiceNumber)];
}
