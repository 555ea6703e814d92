namespace Collections.Web.Security;

/// <summary>Headers every response carries.</summary>
internal static class SecurityHeaders
{
    /// <summary><c>X-Content-Type-Options: nosniff</c>: browsers use the declared content type and never guess
    /// one (Fetch standard, "should response to request be blocked due to nosniff").</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        Apply(context.Response.Headers);
        await next(context);
    });

    public static void Apply(IHeaderDictionary headers) => headers.XContentTypeOptions = "nosniff";
}
