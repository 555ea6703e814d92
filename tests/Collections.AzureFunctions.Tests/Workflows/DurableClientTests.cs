using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Collections.AzureFunctions.Hosting;
using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Workflows;
using Collections.Infrastructure.Storage;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.AzureFunctions.Tests.Workflows;

/// <summary>The Durable client reaches the workflow port without a per-trigger parameter or an ambient scope: the
/// metadata gives every trigger the binding, the extension's own converter turns the host's payload into a client,
/// and the triggers run against the client the source holds.</summary>
public sealed class DurableClientTests : IDisposable
{
    private readonly TemporaryPath temporary = new();

    private string Folder => temporary.Value;

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Transformer_TriggersFromOutside_GetTheBinding_DurableFunctionsDoNot()
    {
        var functions = new List<IFunctionMetadata>
        {
            Function("GetInvoice", """{"name":"request","type":"httpTrigger","direction":"In"}""", """{"name":"$return","type":"http","direction":"Out"}"""),
            Function("RetentionSweep", """{"name":"timer","type":"timerTrigger","direction":"In"}"""),
            Function(InvoiceWorkflow.Name, """{"name":"context","type":"orchestrationTrigger","direction":"In"}"""),
            Function("SendReminder", """{"name":"input","type":"activityTrigger","direction":"In"}"""),
        };

        new DurableClientMetadataTransformer().Transform(functions);
        new DurableClientMetadataTransformer().Transform(functions);

        Assert.Equal([1, 1, 0, 0], functions.Select(ClientBindings));
    }

    [Fact]
    public async Task Converter_TheHostsBindingPayload_BecomesTheExtensionsClient()
    {
        await using var services = ExtensionServices();
        var payload = new JsonObject
        {
            ["rpcBaseUrl"] = "http://127.0.0.1:4001/",
            ["taskHubName"] = "collections",
            ["connectionName"] = "Storage",
            ["requiredQueryStringParameters"] = "code=abc",
            ["httpBaseUrl"] = "http://127.0.0.1:7071/runtime/webhooks/durabletask/",
        }.ToJsonString();

        var result = await new DurableClientConverter().ConvertAsync(new Conversion(typeof(DurableTaskClient), payload, services));

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal("collections", Assert.IsAssignableFrom<DurableTaskClient>(result.Value).Name);
    }

    [Fact]
    public async Task Converter_AnotherTargetType_LeftToTheOtherConverters()
    {
        await using var services = ExtensionServices();

        var result = await new DurableClientConverter().ConvertAsync(new Conversion(typeof(string), "{}", services));

        Assert.Equal(ConversionStatus.Unhandled, result.Status);
    }

    [Fact]
    public async Task Triggers_WithoutAnyScope_StartAndReadTheWorkflowThroughTheSource()
    {
        await using var provider = FunctionsApp();
        var durable = new RecordingDurableClient();
        provider.GetRequiredService<DurableClientSource>().Use(durable);
        var invoices = ActivatorUtilities.CreateInstance<InvoiceFunctions>(provider);

        var submitted = await RunAsync(provider, context => invoices.SubmitInvoice(context.Request, CancellationToken.None), InvoiceBody("2026-0042"));
        Assert.True(submitted.StatusCode == StatusCodes.Status201Created, submitted.Body);
        var instanceId = Assert.Single(durable.Instances.Keys);
        durable.Instances[instanceId] = new OrchestrationMetadata(InvoiceWorkflow.Name, instanceId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            SerializedCustomStatus = """{"stage":"waiting-for-due-date"}""",
        };
        var read = await RunAsync(provider, context => invoices.GetInvoice(context.Request, "2026-0042", CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, read.StatusCode);
        Assert.Contains("waiting-for-due-date", read.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_NothingBound_RefusesNamingTheBinding()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new DurableClientSource().Client);

        Assert.Contains("durableClient", failure.Message, StringComparison.Ordinal);
    }

    private static int ClientBindings(IFunctionMetadata function) =>
        function.RawBindings!.Count(binding => JsonNode.Parse(binding)!["type"]!.GetValue<string>() == DurableClientMetadataTransformer.BindingType);

    private static DefaultFunctionMetadata Function(string name, params string[] bindings) => new() { Name = name, RawBindings = [.. bindings] };

    /// <summary>What the Durable extension registers for its converter: its client provider over the client options.</summary>
    private static ServiceProvider ExtensionServices()
    {
        var services = new ServiceCollection().AddLogging().AddOptions();
        foreach (var parameter in DurableClientConverter.ExtensionConverterType.GetConstructors().Single().GetParameters())
        {
            services.AddSingleton(parameter.ParameterType);
        }

        return services.BuildServiceProvider();
    }

    private ServiceProvider FunctionsApp()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collections:DataPath"] = Folder,
            ["Collections:Store"] = "tables",
            ["Collections:Tables:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Collections:ApiKeys:0"] = "configured-api-key-0123456789",
            ["Collections:Activities:ApprovalTokenSecret"] = "configured-approval-secret-0123456789",
            ["Collections:DebtorPages:LinkSecret"] = "configured-link-secret-0123456789",
            ["Collections:Webhooks:Secret"] = "configured-webhook-secret-0123456789",
            ["Collections:Channels:EventGrid:Secret"] = "configured-event-grid-secret-0123456789",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddCollectionsFunctionsApp(configuration);
        // A real store on a local file instead of Azure Tables, so the triggers run here.
        Directory.CreateDirectory(Folder);
        services.AddSingleton<ICollectionsStore>(new SqliteCollectionsStore(Path.Combine(Folder, "collections.db")));
        return services.BuildServiceProvider();
    }

    private static string InvoiceBody(string number) => new JsonObject
    {
        ["number"] = number,
        ["issueDate"] = "2026-02-01",
        ["dueDate"] = "2026-03-03",
        ["amount"] = 242.00m,
        ["currency"] = "EUR",
        ["debtor"] = new JsonObject
        {
            ["id"] = "debtor-17",
            ["name"] = "Bakkerij De Korenbloem",
            ["kind"] = "business",
            ["email"] = "administratie@korenbloem.example",
            ["preferredChannel"] = "email",
            ["language"] = "nl",
        },
    }.ToJsonString();

    private static async Task<(int StatusCode, string Body)> RunAsync(IServiceProvider services, Func<HttpContext, Task<IResult>> trigger, string? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = body is null ? "GET" : "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        using var response = new MemoryStream();
        context.Response.Body = response;

        await (await trigger(context)).ExecuteAsync(context);

        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }

    /// <summary>A conversion request as the worker makes one for a binding.</summary>
    private sealed class Conversion(Type targetType, object? source, IServiceProvider services) : ConverterContext
    {
        public override Type TargetType { get; } = targetType;

        public override object? Source { get; } = source;

        public override FunctionContext FunctionContext { get; } = new Invocation(services);

        public override IReadOnlyDictionary<string, object> Properties { get; } = ImmutableDictionary<string, object>.Empty;
    }

    /// <summary>The parts of an invocation a converter reads: its services.</summary>
    private sealed class Invocation(IServiceProvider services) : FunctionContext
    {
        public override string InvocationId => "invocation-1";

        public override string FunctionId => "function-1";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }
}
