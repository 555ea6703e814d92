using System.Text;
using System.Text.Encodings.Web;

namespace Collections.Web.Pages;

/// <summary>The page layout and HTML encoding. Pages are plain server-rendered HTML; the only script is
/// <c>/pages/assets/pages.js</c>, which improves forms that work without it.</summary>
internal static class Html
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>HtmlEncoder also escapes quotes, so the same encoding is safe inside attribute values.</summary>
    public static string Attribute(string? text) => Encode(text);

    /// <param name="brandKey">The text key of the header's name when there is no staff navigation.</param>
    public static IResult Page(PageContext page, string title, string main, int status = StatusCodes.Status200OK, bool staffNavigation = false, string brandKey = "layout.brand")
    {
        var t = page.T;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(t.Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(Encode(title)).Append(" — Collections</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(PageAssetEndpoints.StylePath).Append("\">")
            .Append("<script src=\"").Append(PageAssetEndpoints.ScriptPath).Append("\" defer></script>")
            .Append("</head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(Encode(t["layout.skip"])).Append("</a>")
            .Append("<header class=\"top\">");
        if (staffNavigation)
        {
            html.Append("<nav aria-label=\"").Append(Encode(t["layout.nav"])).Append("\"><ul>")
                .Append(NavLink("/staff/calls", t["nav.calls"]))
                .Append(NavLink("/staff/tasks", t["nav.tasks"]))
                .Append(NavLink("/staff/invoices", t["nav.invoices"]))
                .Append(NavLink("/staff/overview", t["nav.overview"]))
                .Append("</ul></nav>");
        }
        else
        {
            html.Append("<span class=\"brand\">").Append(Encode(t[brandKey])).Append("</span>");
        }

        html.Append("<div class=\"tools\">").Append(LanguageSwitch(page));
        if (staffNavigation && page.StaffName is { } name)
        {
            html.Append("<form method=\"post\" action=\"/staff/sign-out\" class=\"inline\">").Append(page.AntiforgeryField())
                .Append("<button type=\"submit\" class=\"link\">").Append(Encode(t.Format("layout.signOut", name))).Append("</button></form>");
        }

        html.Append("</div></header><main id=\"main\">").Append(main).Append("</main></body></html>");
        page.Http.Response.Headers.CacheControl = "no-store";
        page.Http.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        page.Http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Text(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string NavLink(string href, string text) => $"<li><a href=\"{href}\">{Encode(text)}</a></li>";

    private static string LanguageSwitch(PageContext page)
    {
        var other = page.T.Language == Texts.Dutch ? Texts.English : Texts.Dutch;
        var query = page.Http.Request.Query
            .Where(pair => pair.Key != PageLanguage.QueryName)
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value.ToString())}")
            .Append($"{PageLanguage.QueryName}={other}");
        var href = page.Http.Request.Path + "?" + string.Join("&", query);
        var label = other == Texts.English ? "English" : "Nederlands";
        return $"<a href=\"{Attribute(href)}\" lang=\"{other}\" hreflang=\"{other}\">{label}</a>";
    }
}
