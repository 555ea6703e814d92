using System.Text.Json.Nodes;
using Collections.AzureFunctions.Timers;
using Collections.AzureFunctions.Workflows;
using Collections.Workflow;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace Collections.AzureFunctions.Tests;

/// <summary>The function metadata the build generates — <c>functions.metadata</c> beside the app's assembly (Worker.Sdk)
/// and the source-generated metadata provider the worker reports to the host — against the product: every HTTP route of
/// the server, the orchestrator, every activity of the workflow, the retention timer; and, as the worker reports it
/// (after <see cref="DurableClientMetadataTransformer"/>), a Durable client binding on every trigger from outside.</summary>
public sealed class FunctionMetadataTests
{
    private static readonly string AppDirectory = Path.GetDirectoryName(typeof(DurableClientSource).Assembly.Location)!;

    [Fact]
    public void MetadataFile_AndGeneratedProvider_DeclareTheSameFunctionsAndBindings()
    {
        var file = FileFunctions().ToDictionary(function => function.Name, function => Shape(function.Bindings));
        var generated = GeneratedFunctions().ToDictionary(function => function.Name, function => Shape(function.Bindings));

        Assert.Equal(file.Keys.Order(), generated.Keys.Order());
        Assert.All(file, pair => Assert.Equal(pair.Value, generated[pair.Key]));
    }

    [Fact]
    public async Task HttpTriggers_AreEveryServerRoute_AndNothingElse()
    {
        var server = (await BindingCompletenessTests.ServerRoutesAsync()).Where(BindingCompletenessTests.IsServedOnAzure)
            .Except(BindingCompletenessTests.SelfHostedOnly).Concat(BindingCompletenessTests.StaffTrigger).Order().ToList();

        var triggers = FileFunctions()
            .SelectMany(function => function.Bindings.Where(binding => Type(binding) == "httpTrigger"))
            .SelectMany(binding => binding["methods"]!.AsArray().Select(method => $"{method!.GetValue<string>().ToUpperInvariant()} {BindingCompletenessTests.Normalize(binding["route"]!.GetValue<string>())}"))
            .Order().ToList();

        Assert.NotEmpty(server);
        Assert.Equal(server, triggers);
    }

    [Fact]
    public void Orchestrator_TheInvoiceWorkflow_HasItsOrchestrationTrigger()
    {
        var orchestrators = TriggeredBy("orchestrationTrigger");

        Assert.Equal([InvoiceWorkflow.Name], orchestrators);
    }

    [Fact]
    public void Activities_AreEveryActivityOfTheWorkflow_AndNothingElse()
    {
        var activities = TriggeredBy("activityTrigger");

        Assert.Equal(BindingCompletenessTests.ActivityNames().Order(), activities.Order());
    }

    [Fact]
    public void Timer_TheRetentionSweep_FiresHourly()
    {
        var timer = Assert.Single(FileFunctions(), function => function.Bindings.Any(binding => Type(binding) == "timerTrigger"));

        Assert.Equal(RetentionSweepFunction.Name, timer.Name);
        Assert.Equal("0 0 * * * *", timer.Bindings.Single(binding => Type(binding) == "timerTrigger")["schedule"]!.GetValue<string>());
    }

    [Fact]
    public void ReportedToTheHost_EveryTriggerFromOutside_HasOneDurableClientBinding_DurableFunctionsNone()
    {
        var reported = GeneratedMetadata();
        new DurableClientMetadataTransformer().Transform(reported);

        var functions = reported.Select(function => (function.Name, Bindings: function.RawBindings!.Select(raw => JsonNode.Parse(raw)!.AsObject()).ToList())).ToList();
        var fromOutside = functions.Where(function => function.Bindings.Any(binding => Type(binding) is "httpTrigger" or "timerTrigger")).ToList();
        var durable = functions.Except(fromOutside).ToList();

        Assert.NotEmpty(durable);
        Assert.All(fromOutside, function => Assert.Single(function.Bindings, binding => Type(binding) == "durableClient"
            && binding["name"]!.GetValue<string>() == DurableClientMetadataTransformer.BindingName));
        Assert.All(durable, function => Assert.DoesNotContain(function.Bindings, binding => Type(binding) == "durableClient"));
    }

    private static List<string?> TriggeredBy(string triggerType) =>
        FileFunctions().Where(function => function.Bindings.Any(binding => Type(binding) == triggerType)).Select(function => (string?)function.Name).ToList();

    private static string? Type(JsonObject binding) => binding["type"]?.GetValue<string>();

    /// <summary>Bindings compared by type, direction and name, in order.</summary>
    private static string Shape(IEnumerable<JsonObject> bindings) =>
        string.Join("; ", bindings.Select(binding => $"{Type(binding)} {binding["direction"]} {binding["name"]}"));

    internal static IEnumerable<(string Name, List<JsonObject> Bindings)> FileFunctions() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppDirectory, "functions.metadata")))!.AsArray()
            .Select(function => (function!["name"]!.GetValue<string>(), function["bindings"]!.AsArray().Select(binding => binding!.AsObject()).ToList()));

    private static IEnumerable<(string Name, List<JsonObject> Bindings)> GeneratedFunctions() =>
        GeneratedMetadata().Select(function => (function.Name!, function.RawBindings!.Select(raw => JsonNode.Parse(raw)!.AsObject()).ToList()));

    /// <summary>What the app's source-generated metadata provider reports (the worker's indexing path).</summary>
    private static List<IFunctionMetadata> GeneratedMetadata()
    {
        var providerType = Assert.Single(typeof(DurableClientSource).Assembly.GetTypes(), type => typeof(IFunctionMetadataProvider).IsAssignableFrom(type) && !type.IsAbstract);
        var provider = (IFunctionMetadataProvider)Activator.CreateInstance(providerType, nonPublic: true)!;
        return [.. provider.GetFunctionMetadataAsync(AppDirectory).GetAwaiter().GetResult()];
    }
}
