using System.Text.Json;
using Collections.AzureFunctions.Workflows;
using Collections.Server.Simulation;
using Collections.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>
/// The orchestrator as the Durable Functions extension runs it: the SDK's own runner
/// (<c>GrpcOrchestrationRunner.LoadAndRun</c>) over protobuf history, the input bound as the extension binds it,
/// and the DataConverter the app configures (<see cref="DurableSerializer"/>, through <see cref="WorkerDataConverter"/>).
/// </summary>
public sealed class InvoiceOrchestrationInputTests
{
    [Fact]
    public async Task Orchestrator_OnTheExtensionsInputPath_ReadsTheProductsInputAndRunsToPaid()
    {
        VirtualTimeDurableHost? host = null;

        var timeline = await ShippedExamples.RunAsync(ShippedExamples.Load("good-payer-paid-on-time.json"), (setup, _) =>
        {
            host = DurableTaskSimulationEngine.CreateHost(setup);
            return Task.FromResult<ISimulationEngine>(new DurableTaskSimulationEngine(host));
        });

        Assert.Equal("paid", ShippedExamples.Result(timeline));
        var instance = host!.Get(DurableTaskSimulationEngine.InstanceIdFor("F2026-0042"))!;
        var view = DurableWorkflowView.From(instance.Status, instance.CustomStatus, instance.Output);
        Assert.Equal((DurableRuntimeStatus.Completed, "paid"), (view.RuntimeStatus, view.Outcome));
    }

    [Fact]
    public async Task EventsAndCustomStatus_WithTheAppsSerializer_KeepAmountsAndStages()
    {
        VirtualTimeDurableHost? host = null;
        var example = ShippedExamples.Load("good-payer-paid-on-time.json");
        var scenario = example with
        {
            Until = example.Start.AddDays(1),
            Events = [new ScenarioEvent { At = example.Start.AddHours(1), Type = "payment", PaymentId = "p-1", Amount = 100.50m }],
        };

        var timeline = await ShippedExamples.RunAsync(scenario, (setup, _) =>
        {
            host = DurableTaskSimulationEngine.CreateHost(setup);
            return Task.FromResult<ISimulationEngine>(new DurableTaskSimulationEngine(host));
        });

        Assert.Contains(timeline, line => line.Contains("Payment p-1 of €100.50 received; balance €1,149.50.", StringComparison.Ordinal));
        var instance = host!.Get(DurableTaskSimulationEngine.InstanceIdFor("F2026-0042"))!;
        using var status = JsonDocument.Parse(instance.CustomStatus!);
        Assert.Equal("wait-for-due-date", status.RootElement.GetProperty("stage").GetString());
        Assert.Equal("wait-for-due-date", DurableWorkflowView.From(instance.Status, instance.CustomStatus, instance.Output).Stage);
    }

    [Fact]
    public async Task GetInputWithoutAnInputParameter_OnTheExtensionsPath_FailsOnTheProductsEnums()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ShippedExamples.RunAsync(
            ShippedExamples.Load("good-payer-paid-on-time.json"), (setup, _) => Task.FromResult<ISimulationEngine>(new DurableTaskSimulationEngine(WithOrchestrator(setup, typeof(InputReadThroughGetInput))))));

        Assert.Contains(typeof(JsonException).FullName!, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Path: $.invoice.debtor.kind", failure.Message, StringComparison.Ordinal);
    }

    private static VirtualTimeDurableHost WithOrchestrator(SimulationSetup setup, Type functions)
    {
        var converter = new WorkerDataConverter(DurableSerializer.Instance);
        var app = DurableTaskSimulationEngine.CreateHost(setup);
        return new VirtualTimeDurableHost(
            setup.Clock,
            converter,
            new Dictionary<string, ITaskOrchestrator> { [InvoiceWorkflow.Name] = FunctionOrchestrator.For(functions, InvoiceWorkflow.Name, converter) },
            app.Activities);
    }

    /// <summary>The orchestrator as it was before the input became a parameter.</summary>
    private static class InputReadThroughGetInput
    {
        [Function(InvoiceWorkflow.Name)]
        public static Task<InvoiceResult?> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
            InvoiceWorkflow.RunAsync(new TaskOrchestrationWorkflowContext(context), context.GetInput<InvoiceWorkflowInput>()!);
    }
}
