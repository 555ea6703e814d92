using System.Text;
using Collections.Server.Pages;

namespace Collections.Server.Staff;

internal static class SignInPage
{
    public static IResult Render(PageContext page, string? returnUrl, string? userName, bool failed)
    {
        var t = page.T;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t["signIn.title"])).Append("</h1>");
        if (failed)
        {
            html.Append("<div class=\"errors\" role=\"alert\" id=\"sign-in-error\"><p>").Append(Html.Encode(t["signIn.failed"])).Append("</p></div>");
        }

        var describedBy = failed ? " aria-describedby=\"sign-in-error\"" : string.Empty;
        html.Append("<form method=\"post\" action=\"/staff/sign-in\" class=\"card\">").Append(page.AntiforgeryField());
        if (returnUrl is not null)
        {
            html.Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(Html.Attribute(returnUrl)).Append("\">");
        }

        html.Append("<label for=\"userName\">").Append(Html.Encode(t["signIn.userName"])).Append("</label>")
            .Append("<input type=\"text\" id=\"userName\" name=\"userName\" autocomplete=\"username\" required value=\"")
            .Append(Html.Attribute(userName)).Append('"').Append(describedBy).Append('>')
            .Append("<label for=\"password\">").Append(Html.Encode(t["signIn.password"])).Append("</label>")
            .Append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required").Append(describedBy).Append('>')
            .Append("<p><button type=\"submit\">").Append(Html.Encode(t["signIn.submit"])).Append("</button></p></form>");
        return Html.Page(page, t["signIn.title"], html.ToString(), failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
