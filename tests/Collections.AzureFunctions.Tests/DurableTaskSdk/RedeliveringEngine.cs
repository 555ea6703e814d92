using Collections.Invoices;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Workflow;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>Delivers every event twice with the same id, as a provider retrying a webhook or a queue redelivering a
/// message would; everything else is <paramref name="inner"/>'s.</summary>
internal sealed class RedeliveringEngine(ISimulationEngine inner) : ISimulationEngine
{
    public static Func<SimulationSetup, CancellationToken, Task<ISimulationEngine>> Around(
        Func<SimulationSetup, CancellationToken, Task<ISimulationEngine>> create) =>
        async (setup, cancellationToken) => new RedeliveringEngine(await create(setup, cancellationToken));

    public Task StartAsync(Invoice invoice, CollectionsPolicy policy, CancellationToken cancellationToken) =>
        inner.StartAsync(invoice, policy, cancellationToken);

    public async Task RaiseAsync(string invoiceNumber, InvoiceEvent invoiceEvent, string? eventId, CancellationToken cancellationToken)
    {
        await inner.RaiseAsync(invoiceNumber, invoiceEvent, eventId, cancellationToken);
        await inner.RaiseAsync(invoiceNumber, invoiceEvent, eventId, cancellationToken);
    }

    public Task AdvanceToAsync(DateTimeOffset until, CancellationToken cancellationToken) => inner.AdvanceToAsync(until, cancellationToken);

    public Task<string?> FailureOfAsync(string invoiceNumber, CancellationToken cancellationToken) => inner.FailureOfAsync(invoiceNumber, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
