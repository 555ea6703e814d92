using Collections.Invoices;
using Collections.Policy;
using Collections.Workflow;

namespace Collections.Server.Simulation;

/// <summary>A workflow engine that runs the invoice workflows of a simulation under the runner's virtual clock:
/// the embedded runtime (<see cref="EmbeddedSimulationEngine"/>), or in tests the Durable Task SDK.</summary>
public interface ISimulationEngine : IAsyncDisposable
{
    /// <summary>Starts the invoice's workflow pinned to <paramref name="policy"/>.</summary>
    Task StartAsync(Invoice invoice, CollectionsPolicy policy, CancellationToken cancellationToken);

    /// <summary>Raises <paramref name="invoiceEvent"/> on the invoice's workflow; <paramref name="eventId"/> names a
    /// redelivery where the engine supports it.</summary>
    Task RaiseAsync(string invoiceNumber, InvoiceEvent invoiceEvent, string? eventId, CancellationToken cancellationToken);

    /// <summary>Runs everything due, firing each timer when the clock reaches it, and leaves the clock at <paramref name="until"/>.</summary>
    Task AdvanceToAsync(DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Why the invoice's workflow failed; null when it did not.</summary>
    Task<string?> FailureOfAsync(string invoiceNumber, CancellationToken cancellationToken);
}
