using Collections.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests;

/// <summary>The real server app's endpoint table (the app is built, not started), without its API documentation.</summary>
internal static class ServerEndpoints
{
    // The OpenAPI document, the Scalar UI and the root redirect to it are not part of the Functions app.
    private static readonly string[] DocumentationPrefixes = ["/openapi/", "/scalar/"];

    /// <summary>Method (upper case) and route pattern as the server declares it, e.g. <c>POST /api/invoices/{number}/payments</c>.</summary>
    public static async Task<IReadOnlyList<(string Method, string Pattern)>> ListAsync()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-deployment-tests", Guid.NewGuid().ToString("N"));
        await using var app = Build(dataPath, [], _ => { });
        var routes = new List<(string, string)>();
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            if (pattern == "/" || DocumentationPrefixes.Any(prefix => (pattern + "/").StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? throw new InvalidOperationException($"Server route '{pattern}' accepts every method; the Functions app binds methods explicitly.");
            routes.AddRange(methods.Select(method => (method.ToUpperInvariant(), pattern)));
        }

        return routes;
    }

    public static WebApplication Build(string dataPath, IEnumerable<string> extraArgs, Action<IServiceCollection> configureServices) =>
        ServerApp.Build(
            [
                $"--Collections:DataPath={dataPath}",
                $"--Collections:Sqlite:Path={Path.Combine(dataPath, "collections.db")}",
                "--Logging:LogLevel:Default=Warning",
                .. extraArgs,
            ],
            configureServices);
}
