using System.Globalization;
using System.Text;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

internal static class SignInPage
{
    public static IResult Form(PageContext page, string? returnUrl) =>
        Render(page, returnUrl, userName: null, error: null, StatusCodes.Status200OK);

    public static IResult Failed(PageContext page, string? returnUrl, string userName) =>
        Render(page, returnUrl, userName, page.T["signIn.failed"], StatusCodes.Status401Unauthorized);

    /// <summary>429 with <c>Retry-After</c> in seconds (RFC 9110 §10.2.3). The same words for a locked name and a
    /// locked address, for known and unknown names alike: the page does not tell whether an account exists.</summary>
    public static IResult Refused(PageContext page, string? returnUrl, string userName, DateTimeOffset now, DateTimeOffset until)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling((until - now).TotalSeconds));
        page.Http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var error = page.T.Format("signIn.refused", When(page.T, now, until));
        return Render(page, returnUrl, userName, error, StatusCodes.Status429TooManyRequests);
    }

    private static IResult Render(PageContext page, string? returnUrl, string? userName, string? error, int status)
    {
        var t = page.T;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t["signIn.title"])).Append("</h1>");
        if (error is not null)
        {
            html.Append("<div class=\"errors\" role=\"alert\" id=\"sign-in-error\"><p>").Append(Html.Encode(error)).Append("</p></div>");
        }

        var describedBy = error is not null ? " aria-describedby=\"sign-in-error\"" : string.Empty;
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
        return Html.Page(page, t["signIn.title"], html.ToString(), status);
    }

    /// <summary>The local time, rounded up to the minute so "after 10:15" is never too early; with the date when it is not today.</summary>
    private static string When(Texts t, DateTimeOffset now, DateTimeOffset until)
    {
        var roundedUp = new DateTimeOffset((until.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var local = PageClock.Local(roundedUp);
        return local.Date == PageClock.Local(now).Date ? local.ToString("HH:mm", t.Culture) : t.Moment(roundedUp);
    }
}
