using Collections.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Collections.AzureFunctions.Workflows;

/// <summary>The invoice workflow as a Durable Functions orchestrator.</summary>
public static class InvoiceOrchestration
{
    [Function(InvoiceWorkflow.Name)]
    public static Task<InvoiceResult?> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        InvoiceWorkflow.RunAsync(
            new TaskOrchestrationWorkflowContext(context),
            context.GetInput<InvoiceWorkflowInput>() ?? throw new InvalidOperationException($"{context.InstanceId}: no workflow input."));
}
