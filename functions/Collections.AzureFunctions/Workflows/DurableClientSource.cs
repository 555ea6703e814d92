using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// The Durable client the workflow port (<see cref="DurableInvoiceWorkflows"/>) uses. Durable Functions hands a
/// <see cref="DurableTaskClient"/> out only through a <c>durableClient</c> input binding, whose payload names the
/// host's gRPC endpoint and task hub, the same for every invocation of the app; the extension caches one gRPC client
/// per endpoint and task hub. <see cref="DurableClientMiddleware"/> binds it before every function that has the
/// binding — and <see cref="DurableClientMetadataTransformer"/> gives the binding to every trigger — so no trigger
/// takes or passes a client.
/// </summary>
public sealed class DurableClientSource
{
    private DurableTaskClient? client;

    public DurableTaskClient Client => Volatile.Read(ref client)
        ?? throw new InvalidOperationException(
            "No Durable client has been bound: the function has no durableClient binding (DurableClientMetadataTransformer adds one to every trigger).");

    public void Use(DurableTaskClient bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        Volatile.Write(ref client, bound);
    }
}
