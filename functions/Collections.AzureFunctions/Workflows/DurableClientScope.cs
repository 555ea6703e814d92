using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// The Durable client of the current invocation. Durable Functions hands out <see cref="DurableTaskClient"/> only
/// as a <c>[DurableClient]</c> function parameter, not through dependency injection, while the handlers reach the
/// workflows through the singleton <see cref="DurableInvoiceWorkflows"/>; each trigger enters a scope with its client.
/// </summary>
public static class DurableClientScope
{
    private static readonly AsyncLocal<DurableTaskClient?> CurrentClient = new();

    public static DurableTaskClient Current => CurrentClient.Value
        ?? throw new InvalidOperationException("No Durable client in scope: the function must take [DurableClient] and call DurableClientScope.Enter.");

    public static IDisposable Enter(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = CurrentClient.Value;
        CurrentClient.Value = client;
        return new Exit(previous);
    }

    private sealed class Exit(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => CurrentClient.Value = previous;
    }
}
