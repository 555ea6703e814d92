using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Tests.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Reflection;
using System.Text.RegularExpressions;
using Collections.Activities;

namespace Collections.AzureFunctions.Tests;

/// <summary>The Functions app binds what the server serves and what the workflow calls: checked against the real
/// server's endpoint table and the real activity class, and the Functions app's source.</summary>
public sealed partial class BindingCompletenessTests
{
    [Fact]
    public async Task HttpTriggers_EveryServerRouteServedOnAzure_HasAFunctionWithTheSameMethodAndRoute()
    {
        var server = (await ServerRoutesAsync()).Where(IsServedOnAzure).ToHashSet(StringComparer.Ordinal);
        var functions = FunctionRoutes();

        var missing = server.Except(functions).Except(SelfHostedOnly).Order().ToList();

        Assert.NotEmpty(server);
        Assert.True(missing.Count == 0, "Server routes without an HTTP trigger: " + string.Join(", ", missing));
    }

    /// <summary>The operator view reads the embedded runtime's own instance table; on Azure the Durable Functions
    /// instance management API lists and restarts failed instances (docs/azure.md).</summary>
    internal static readonly string[] SelfHostedOnly = ["GET api/operations/workflows", "POST api/operations/workflows/{number}/retry"];

    [Fact]
    public async Task HttpTriggers_EveryFunctionRoute_IsAServerRoute()
    {
        var server = await ServerRoutesAsync();

        var extra = FunctionRoutes().Except(server).Except(StaffTrigger).Order().ToList();

        Assert.True(extra.Count == 0, "HTTP triggers the server does not serve: " + string.Join(", ", extra));
    }

    [Fact]
    public void HttpTriggers_EachCallsAnEndpointMethodOfTheServer()
    {
        var serverTypes = typeof(Collections.Web.Hosting.CollectionsOptions).Assembly.GetTypes();
        var triggers = FunctionsAppSource.Functions.Where(function => function.HttpTrigger is not null && function.Name != "\"StaffPages\"").ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, trigger =>
        {
            var call = EndpointCall().Match(trigger.Text);
            Assert.True(call.Success, $"{trigger.Name} calls no server endpoint method.");
            var type = Assert.Single(serverTypes, type => type.Name == call.Groups["type"].Value);
            Assert.NotNull(type.GetMethod(call.Groups["method"].Value, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public));
        });
    }

    /// <summary>The staff trigger routes among the server's own staff pages (<c>MapStaffPages</c>): every one of them,
    /// and nothing else, but the sign-in of local accounts, which the self-hosted server keeps (on Azure App Service
    /// authentication signs staff in).</summary>
    [Fact]
    public async Task StaffTrigger_RoutesEveryStaffPageOfTheServer_ButTheLocalAccountsSignIn()
    {
        var server = (await ServerRoutesAsync()).Where(route => route.Split(' ')[1].StartsWith("staff", StringComparison.Ordinal)).Except(LocalAccountsSignIn).Order().ToList();
        await using var instance = FunctionsAppInstance.Create("UseDevelopmentStorage=true", "unused");

        var routed = instance.GetRequiredService<StaffPagePipeline>().Endpoints
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => $"{method} {Normalize(endpoint.RoutePattern.RawText!)}"))
            .Order().ToList();

        Assert.Contains("GET staff/tasks", routed);
        Assert.Equal(server, routed);
    }

    /// <summary>The one trigger of every staff page (<see cref="StaffTrigger_RoutesEveryStaffPageOfTheServer_ButTheLocalAccountsSignIn"/>).</summary>
    internal static readonly string[] StaffTrigger = ["GET staff/{path}", "POST staff/{path}"];

    internal static readonly string[] LocalAccountsSignIn = ["GET staff/sign-in", "POST staff/sign-in", "GET staff/first-account", "POST staff/first-account"];

    [Fact]
    public void HttpTriggers_RoutesStartAtTheSiteRoot_BecauseHostJsonHasNoRoutePrefix()
    {
        using var hostJson = System.Text.Json.JsonDocument.Parse(FunctionsAppSource.Read("host.json"));

        var prefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();

        Assert.Equal(string.Empty, prefix);
    }

    [Fact]
    public void Activities_EveryActivityOfTheWorkflow_HasAnActivityTriggerCallingIt()
    {
        var activities = ActivityNames();

        Assert.NotEmpty(activities);
        Assert.All(activities, activity =>
        {
            var function = Assert.Single(FunctionsAppSource.Functions, candidate => candidate.Name == $"nameof(InvoiceActivities.{activity})");
            Assert.Contains("[ActivityTrigger]", function.Text, StringComparison.Ordinal);
            Assert.Contains($"activities.{activity}(", function.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Activities_EveryActivityTrigger_IsAnActivityOfTheWorkflow()
    {
        var activities = ActivityNames().Select(name => $"nameof(InvoiceActivities.{name})").ToHashSet();

        var triggers = FunctionsAppSource.Functions.Where(function => function.Text.Contains("[ActivityTrigger]", StringComparison.Ordinal)).ToList();

        Assert.All(triggers, trigger => Assert.Contains(trigger.Name, activities));
    }

    [Fact]
    public void Activities_TheServerRegistersTheSameActivities()
    {
        var registered = RegisteredInServer(ActivityRegistration()).ToHashSet();

        Assert.Equal(ActivityNames().ToHashSet(), registered);
    }

    [Fact]
    public void Orchestrators_EveryWorkflowTheServerRegisters_HasAnOrchestrationTriggerRunningIt()
    {
        var workflows = RegisteredInServer(OrchestratorRegistration()).ToList();

        Assert.NotEmpty(workflows);
        Assert.All(workflows, workflow =>
        {
            var function = Assert.Single(FunctionsAppSource.Functions, candidate => candidate.Name == $"{workflow}.Name");
            Assert.Contains("[OrchestrationTrigger]", function.Text, StringComparison.Ordinal);
            Assert.Contains($"{workflow}.RunAsync(newTaskOrchestrationWorkflowContext(context)", Regex.Replace(function.Text, @"\s+", string.Empty), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void DurableClient_NoFunctionTakesItAsAParameter_TheMetadataGivesEveryTriggerTheBinding()
    {
        var takingClient = FunctionsAppSource.Functions.Where(function => function.Text.Contains("[DurableClient]", StringComparison.Ordinal)).Select(function => function.Name);

        Assert.Empty(takingClient);
    }

    /// <summary>The API, the approval links, the debtor pages and the pages' stylesheet and script are bound in Azure one
    /// trigger per route; the staff pages through one trigger for them all (<see cref="StaffTrigger"/>).</summary>
    internal static bool IsServedOnAzure(string route)
    {
        var path = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return AzurePrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static readonly string[] AzurePrefixes = ["api/", "approvals/", "debtor/", "pages/assets/"];

    /// <summary>"METHOD route" for every endpoint of the real server app.</summary>
    internal static async Task<HashSet<string>> ServerRoutesAsync() =>
        (await ServerEndpoints.ListAsync()).Select(route => $"{route.Method} {Normalize(route.Pattern)}").ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> FunctionRoutes() =>
        FunctionsAppSource.Functions
            .Select(function => function.HttpTrigger)
            .OfType<(IReadOnlyList<string> Methods, string Route)>()
            .SelectMany(trigger => trigger.Methods.Select(method => $"{method} {Normalize(trigger.Route)}"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Lower case, no outer slashes, parameters by name only (constraints and optional marks dropped).</summary>
    internal static string Normalize(string route) =>
        RouteParameter().Replace(route.Trim('/').ToLowerInvariant(), parameter => "{" + parameter.Groups["name"].Value + "}");

    /// <summary>The workflow's activities: the public instance methods of <see cref="InvoiceActivities"/>.</summary>
    internal static IEnumerable<string> ActivityNames() =>
        typeof(InvoiceActivities).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) && method.GetParameters().Length == 1)
            .Select(method => method.Name);

    private static IEnumerable<string> RegisteredInServer(Regex registration) =>
        registration.Matches(FunctionsAppSource.Read("functions", "Collections.Server", "Workflows", "CollectionsWorkflows.cs"))
            .Select(match => match.Groups["name"].Value);

    [GeneratedRegex(@"\b(?<type>\w+Endpoints)\.(?<method>\w+Async)\(")]
    private static partial Regex EndpointCall();

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\.AddActivity<[^>]+>\(nameof\(InvoiceActivities\.(?<name>\w+)\)")]
    private static partial Regex ActivityRegistration();

    [GeneratedRegex(@"\.AddOrchestrator\((?<name>\w+)\.Name")]
    private static partial Regex OrchestratorRegistration();
}
