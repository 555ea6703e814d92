using Collections.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Collections.AzureFunctions.Workflows;

/// <summary>The invoice workflow as a Durable Functions orchestrator.</summary>
public static class InvoiceOrchestration
{
    /// <summary>
    /// The input is a parameter, not <c>context.GetInput</c>: Worker.Extensions.DurableTask 1.21.1 takes the
    /// orchestrator's first parameter without a binding as its input type, which the SDK deserializes with the
    /// worker's serializer (<see cref="DurableSerializer"/>). Without that parameter the input type is <c>object</c>;
    /// the extension's <c>GetInput&lt;T&gt;</c> then reads the resulting JsonElement with the worker's default JSON
    /// options, which do not know the product's kebab-case enums, and plain Durable Task only casts it
    /// (FunctionsOrchestrator, OrchestrationInputConverter and FunctionsOrchestrationContext of the extension;
    /// TaskOrchestrationShim and TaskOrchestrationContextWrapper of microsoft/durabletask-dotnet).
    /// </summary>
    [Function(InvoiceWorkflow.Name)]
    public static Task<InvoiceResult?> Run([OrchestrationTrigger] TaskOrchestrationContext context, InvoiceWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InvoiceWorkflow.RunAsync(
            new TaskOrchestrationWorkflowContext(context),
            input ?? throw new InvalidOperationException($"{context.InstanceId}: no workflow input."));
    }
}
