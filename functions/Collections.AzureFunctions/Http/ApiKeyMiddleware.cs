using Collections.Server.Api;
using Collections.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Collections.AzureFunctions.Http;

/// <summary>The server's API key rule for the Functions app: routes under <c>/api</c> need a known key in
/// <c>X-Api-Key</c>, except the payment webhooks and Event Grid deliveries, which prove themselves.
/// Runs before the function, so a request without a key stores nothing.</summary>
internal sealed class ApiKeyMiddleware(ApiKeyRing keys) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && NeedsKey(http.Request.Path)
            && !keys.Accepts(http.Request.Headers[ApiKeyFilter.HeaderName].ToString()))
        {
            http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            await HandlerResults.Problem(
                StatusCodes.Status401Unauthorized, "Unauthorized", $"Send a valid API key in the {ApiKeyFilter.HeaderName} header.")
                .ExecuteAsync(http);
            return;
        }

        await next(context);
    }

    private static bool NeedsKey(PathString path) =>
        path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/webhooks") && !path.StartsWithSegments("/api/events");
}
