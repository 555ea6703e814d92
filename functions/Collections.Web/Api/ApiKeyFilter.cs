using Collections.Web.Hosting;

namespace Collections.Web.Api;

/// <summary>Requires a known key in <c>X-Api-Key</c>; runs before the endpoint reads anything, so a
/// request without one stores nothing.</summary>
internal sealed class ApiKeyFilter(ApiKeyRing keys) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!keys.Accepts(presented))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            return HandlerResults.Problem(
                StatusCodes.Status401Unauthorized, "Unauthorized", $"Send a valid API key in the {HeaderName} header.");
        }

        return await next(context);
    }
}
