using Collections.Durable;

namespace Collections.Server.Hosting;

/// <summary>Runs the embedded durable runtime's background loop (timers, turns, activities) while the server runs.</summary>
internal sealed class WorkflowRuntimeService(DurableRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
