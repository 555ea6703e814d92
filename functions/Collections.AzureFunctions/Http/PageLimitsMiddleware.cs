using Collections.Storage;
using Collections.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;

namespace Collections.AzureFunctions.Http;

/// <summary>What the server's pipeline adds to every response and form post (<c>UseSecurityHeaders</c>,
/// <c>UseRequestLimits</c>): the shared code, run before the function. A body that turns out too long (or
/// malformed) while the function reads it is the client's doing: 413 (or 400) as on the server, not 500.
/// Posts to one debtor or approval link are counted in the store (<see cref="SharedPostLimit"/>), so the limit holds
/// across instances; per link, not per address, because the worker sees the Functions host's address, not the client's.</summary>
internal sealed class PageLimitsMiddleware : IFunctionsWorkerMiddleware
{
    private readonly RequestLimitOptions limits;
    private readonly SharedPostLimit postLimit;

    public PageLimitsMiddleware(IConfiguration configuration, ICollectionsStore store, TimeProvider time)
    {
        limits = RequestLimits.Options(configuration);
        postLimit = new SharedPostLimit(store, time, limits);
    }

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

        if (RequestLimits.IsLinkPost(http.Request)
            && await postLimit.TryCountAsync(http.Request.Path.Value!.ToLowerInvariant(), http.RequestAborted) is { } retryAfter)
        {
            await RequestLimits.TooManyPosts(http, retryAfter, $"At most {limits.PostsPerWindow} posts per {limits.Window.TotalMinutes:0.#} minutes to one link; try again later.");
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
