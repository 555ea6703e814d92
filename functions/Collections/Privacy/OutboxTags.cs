using Collections.Workflow;

namespace Collections.Privacy;

/// <summary>The tags an invoice's messages carry: its workflow instance id, as the embedded runtime uses it and as
/// Durable Task escapes it (<see cref="DurableInstanceId"/>).</summary>
public static class OutboxTags
{
    public static IReadOnlyList<string> Of(string invoiceNumber)
    {
        var workflowId = InvoiceWorkflow.InstanceIdFor(invoiceNumber);
        return [.. new[] { workflowId, DurableInstanceId.From(workflowId) }.Distinct(StringComparer.Ordinal)];
    }
}
