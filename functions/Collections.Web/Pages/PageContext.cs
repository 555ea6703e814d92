using Microsoft.AspNetCore.Antiforgery;

namespace Collections.Web.Pages;

/// <summary>What every page render needs: the language's texts, the signed-in staff member (if any)
/// and the antiforgery field for its forms.</summary>
internal sealed class PageContext
{
    private PageContext(HttpContext http, Texts texts)
    {
        Http = http;
        T = texts;
    }

    public HttpContext Http { get; }

    public Texts T { get; }

    public string? StaffName => Http.User.Identity?.IsAuthenticated == true ? Http.User.Identity.Name : null;

    public static PageContext For(HttpContext http, string? preferredLanguage = null) =>
        new(http, Texts.For(PageLanguage.Resolve(http, preferredLanguage)));

    /// <summary>The hidden antiforgery input every POST form carries.</summary>
    public string AntiforgeryField()
    {
        var tokens = Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        return $"<input type=\"hidden\" name=\"{Html.Encode(tokens.FormFieldName)}\" value=\"{Html.Encode(tokens.RequestToken ?? string.Empty)}\">";
    }
}
