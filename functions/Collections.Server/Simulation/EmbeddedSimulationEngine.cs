using Collections.Durable;
using Collections.Invoices;
using Collections.Policy;
using Collections.Server.Workflows;
using Collections.Workflow;

namespace Collections.Server.Simulation;

/// <summary>The embedded runtime under virtual time, one activity at a time so a preview prints the same timeline every time it runs.</summary>
public sealed class EmbeddedSimulationEngine : ISimulationEngine
{
    private readonly DurableRuntime runtime;
    private readonly VirtualTimeDriver driver;
    private readonly InvoiceWorkflowClient workflows;

    private EmbeddedSimulationEngine(DurableRuntime runtime, VirtualTimeDriver driver)
    {
        this.runtime = runtime;
        this.driver = driver;
        workflows = new InvoiceWorkflowClient(runtime.Client);
    }

    public static async Task<ISimulationEngine> CreateAsync(SimulationSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var runtime = CollectionsRuntime.Create(Path.Combine(setup.Folder, "durable.db"), setup.Clock, setup.Store, setup.Sender, setup.Options, maxConcurrentActivities: 1);
        return new EmbeddedSimulationEngine(runtime, await VirtualTimeDriver.AttachAsync(runtime).WaitAsync(cancellationToken));
    }

    public Task StartAsync(Invoice invoice, CollectionsPolicy policy, CancellationToken cancellationToken) =>
        workflows.StartAsync(invoice, policy, cancellationToken);

    public Task RaiseAsync(string invoiceNumber, InvoiceEvent invoiceEvent, string? eventId, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(invoiceNumber, invoiceEvent, eventId, cancellationToken);

    public Task AdvanceToAsync(DateTimeOffset until, CancellationToken cancellationToken) => driver.AdvanceToAsync(until, cancellationToken);

    public async Task<string?> FailureOfAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var status = await runtime.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor(invoiceNumber), cancellationToken);
        return status?.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? status.Failure?.ToString() ?? "failed" : null;
    }

    public ValueTask DisposeAsync() => runtime.DisposeAsync();
}
