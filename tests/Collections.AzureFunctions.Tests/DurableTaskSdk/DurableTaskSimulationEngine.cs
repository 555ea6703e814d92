using System.Text.Json;
using Collections.Activities;
using Collections.AzureFunctions.Workflows;
using Collections.Invoices;
using Collections.Json;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Workflow;
using Microsoft.DurableTask;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>The Functions app's workflow on the Durable Task SDK in virtual time, as a simulation engine: the
/// orchestrator function <see cref="InvoiceOrchestration"/> and the activity functions
/// <see cref="InvoiceActivityFunctions"/> over the simulation's store and channel, with the app's serializer.</summary>
internal sealed class DurableTaskSimulationEngine(VirtualTimeDurableHost host) : ISimulationEngine
{
    public VirtualTimeDurableHost Host { get; } = host;

    public static VirtualTimeDurableHost CreateHost(SimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var converter = new WorkerDataConverter(DurableSerializer.Instance);
        var orchestrators = new Dictionary<string, ITaskOrchestrator>
        {
            [InvoiceWorkflow.Name] = FunctionOrchestrator.For(typeof(InvoiceOrchestration), InvoiceWorkflow.Name, converter),
        };
        var functions = new InvoiceActivityFunctions(new InvoiceActivities(setup.Store, setup.Sender, setup.Options));
        return new VirtualTimeDurableHost(setup.Clock, converter, orchestrators, ActivityFunction.Of(functions));
    }

    public static Task<ISimulationEngine> CreateAsync(SimulationSetup setup, CancellationToken cancellationToken) =>
        Task.FromResult<ISimulationEngine>(new DurableTaskSimulationEngine(CreateHost(setup)));

    public static string InstanceIdFor(string invoiceNumber) => DurableInstanceId.From(InvoiceWorkflow.InstanceIdFor(invoiceNumber));

    public Task StartAsync(Invoice invoice, CollectionsPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        Host.Start(InvoiceWorkflow.Name, InstanceIdFor(invoice.Number), new InvoiceWorkflowInput(invoice, policy));
        return Task.CompletedTask;
    }

    /// <summary>As <see cref="DurableInvoiceWorkflows"/> raises it: serialized as the base type, so the discriminator
    /// travels; Durable Task has no event ids, so <paramref name="eventId"/> is not sent.</summary>
    public Task RaiseAsync(string invoiceNumber, InvoiceEvent invoiceEvent, string? eventId, CancellationToken cancellationToken)
    {
        Host.RaiseEvent(InstanceIdFor(invoiceNumber), InvoiceWorkflow.EventName, JsonSerializer.SerializeToElement(invoiceEvent, CollectionsJson.Options));
        return Task.CompletedTask;
    }

    public Task AdvanceToAsync(DateTimeOffset until, CancellationToken cancellationToken) => Host.AdvanceToAsync(until, cancellationToken);

    public Task<string?> FailureOfAsync(string invoiceNumber, CancellationToken cancellationToken) =>
        Task.FromResult(Host.Get(InstanceIdFor(invoiceNumber))?.Failure);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
