using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Web.Pages;

/// <summary>How an endpoint answers with a page: a Razor component rendered on the server (static rendering,
/// no script from the framework) in the reader's language, with the pages' security and cache headers.</summary>
internal static class PageResult
{
    private static readonly CultureInfo DutchCulture = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="parameters">The component's parameters, as an anonymous object (<c>new { ReturnUrl = … }</c>).</param>
    /// <param name="preferredLanguage">The language we know the reader prefers (a debtor's), see <see cref="PageLanguage"/>.</param>
    public static IResult Render<TComponent>(HttpContext http, object? parameters = null, int status = StatusCodes.Status200OK, string? preferredLanguage = null)
        where TComponent : IComponent
    {
        var language = PageLanguage.Resolve(http, preferredLanguage);
        var component = parameters is null ? new RazorComponentResult<TComponent>() : new RazorComponentResult<TComponent>(parameters);
        component.StatusCode = status;
        return new LocalizedPage(component, language == PageLanguage.English ? EnglishCulture : DutchCulture);
    }

    /// <summary>A <c>303 See Other</c> after a successful POST, so reloading does not post again.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class LocalizedPage(RazorComponentResult component, CultureInfo culture) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy =
                "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            // The antiforgery cookie must be set before any of the page is written; <AntiforgeryToken /> then reuses these tokens.
            httpContext.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(httpContext);
            // Set here, inside this async method, the culture flows into the rendering below and is undone after it.
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            await component.ExecuteAsync(httpContext);
        }
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
