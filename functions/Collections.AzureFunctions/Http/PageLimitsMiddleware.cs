using Collections.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;

namespace Collections.AzureFunctions.Http;

/// <summary>What the server's pipeline adds to every response and form post (<c>UseSecurityHeaders</c>,
/// <c>UseRequestLimits</c>' body limit): the shared code, run before the function. A body that turns out too
/// long (or malformed) while the function reads it is the client's doing: 413 (or 400) as on the server, not 500.</summary>
internal sealed class PageLimitsMiddleware(IConfiguration configuration) : IFunctionsWorkerMiddleware
{
    private readonly RequestLimitOptions limits = RequestLimits.Options(configuration);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        SecurityHeaders.Apply(http.Response.Headers);
        if (await RequestLimits.RefusedOversizedFormAsync(http, limits))
        {
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (RequestLimits.StatusCodeFor(exception) is var status && status < StatusCodes.Status500InternalServerError)
        {
            context.GetInvocationResult().Value = Results.Problem(statusCode: status);
        }
    }
}
