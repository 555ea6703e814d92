namespace Collections.Web.Pages;

/// <summary>Dutch by default; English by <c>?lang=en</c> (remembered in a cookie), the switch, a debtor's own language, or Accept-Language.</summary>
internal static class PageLanguage
{
    public const string Dutch = "nl";
    public const string English = "en";
    public const string QueryName = "lang";
    public const string CookieName = "collections-lang";

    /// <param name="preferred">The language we know the reader prefers (a debtor's), used before Accept-Language.</param>
    public static string Resolve(HttpContext context, string? preferred = null)
    {
        var asked = context.Request.Query[QueryName].ToString();
        if (asked is Dutch or English)
        {
            context.Response.Cookies.Append(CookieName, asked, new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            return asked;
        }

        if (context.Request.Cookies.TryGetValue(CookieName, out var remembered) && remembered is Dutch or English)
        {
            return remembered;
        }

        if (preferred is Dutch or English)
        {
            return preferred;
        }

        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(language => language is Dutch or English);
        return accepted ?? Dutch;
    }
}
