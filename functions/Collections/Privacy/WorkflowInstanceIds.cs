using Collections.Workflow;

namespace Collections.Privacy;

/// <summary>The ids an invoice's workflow runs under: as the embedded runtime uses it, and as Durable Task escapes it
/// (<see cref="DurableInstanceId"/>). Its messages' idempotency keys, the outbox ids, start with it.</summary>
public static class WorkflowInstanceIds
{
    public static IReadOnlyList<string> Of(string invoiceNumber)
    {
        var workflowId = InvoiceWorkflow.InstanceIdFor(invoiceNumber);
        return [.. new[] { workflowId, DurableInstanceId.From(workflowId) }.Distinct(StringComparer.Ordinal)];
    }
}
