using Collections.Web.Components.Shared;
using Microsoft.AspNetCore.Antiforgery;

namespace Collections.Web.Pages;

/// <summary>Every POST form of the pages carries an antiforgery token; a request without a valid one
/// gets a friendly "reload and try again" page and changes nothing.</summary>
internal static class AntiforgeryCheck
{
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => await RefusalAsync(context.HttpContext) ?? await next(context));

    /// <summary>The "reload and try again" page for a POST without a valid token; null when the request may go on.</summary>
    public static async Task<IResult?> RefusalAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return null;
        }

        return PageResult.Render<NoticePage>(http, new { TitleKey = "expired.title", TextKey = "expired.text" }, StatusCodes.Status400BadRequest);
    }
}
