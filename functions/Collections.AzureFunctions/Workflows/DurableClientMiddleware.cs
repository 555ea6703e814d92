using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Before a function with the <see cref="DurableClientMetadataTransformer"/>'s binding runs, binds that binding as a
/// <see cref="DurableTaskClient"/> (<see cref="DurableClientConverter"/>) and hands it to <see cref="DurableClientSource"/>.
/// </summary>
internal sealed class DurableClientMiddleware(DurableClientSource clients) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.FunctionDefinition.InputBindings.TryGetValue(DurableClientMetadataTransformer.BindingName, out var binding))
        {
            var bound = await context.BindInputAsync<DurableTaskClient>(binding);
            clients.Use(bound.Value ?? throw new InvalidOperationException(
                $"The {DurableClientMetadataTransformer.BindingName} binding of {context.FunctionDefinition.Name} gave no Durable client."));
        }

        await next(context);
    }
}
