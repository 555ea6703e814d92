using Collections.Web.Api;
using Collections.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Collections.AzureFunctions.Http;

/// <summary>The server's API key check for the Functions app (<see cref="ApiKeyRoutes"/> says which paths need a key).
/// Runs before the function, so a request without a known key stores nothing.</summary>
internal sealed class ApiKeyMiddleware(ApiKeyRing keys) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        // The HTTP context is there because ConfigureFunctionsWebApplication's middleware runs before this one.
        if (context.GetHttpContext() is { } http && ApiKeyRoutes.RequiresKey(http.Request.Path.Value ?? string.Empty)
            && !keys.Accepts(http.Request.Headers[ApiKeyFilter.HeaderName].ToString()))
        {
            http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            context.GetInvocationResult().Value = HandlerResults.Problem(
                StatusCodes.Status401Unauthorized, "Unauthorized", $"Send a valid API key in the {ApiKeyFilter.HeaderName} header.");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
