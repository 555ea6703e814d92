using System.Globalization;
using Collections.Web.Components.Staff;
using Collections.Web.Pages;
using Microsoft.AspNetCore.Authentication;

namespace Collections.Web.Staff;

/// <summary><c>/staff/sign-in</c> and <c>/staff/sign-out</c> for local staff accounts.</summary>
internal static class SignInEndpoints
{
    public const string DefaultStart = "/staff/calls";

    public static IEndpointRouteBuilder MapStaffSignIn(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff").ExcludeFromDescription().RequireAntiforgeryToken();

        // Nobody could sign in yet: at the server itself, offer to make the first account instead.
        staff.MapGet("/sign-in", (HttpContext http, StaffAccounts accounts, string? returnUrl) => FirstAccountEndpoints.Offered(http, accounts)
            ? PageResult.SeeOther(FirstAccountEndpoints.Path)
            : PageResult.Render<SignIn>(http, new { ReturnUrl = LocalOnly(returnUrl) }));

        staff.MapPost("/sign-in", async (HttpContext http, StaffAccounts accounts, SignInThrottle throttle) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var userName = form["userName"].ToString().Trim();
            var password = form["password"].ToString();
            var returnUrl = LocalOnly(form["returnUrl"].ToString());
            var attempt = throttle.Begin(userName, http.Connection.RemoteIpAddress);
            if (attempt.BlockedUntil is { } until)
            {
                // 429 with Retry-After in seconds (RFC 9110 §10.2.3).
                http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling((until - attempt.At).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return PageResult.Render<SignIn>(
                    http, new { ReturnUrl = returnUrl, UserName = userName, RefusedUntil = (DateTimeOffset?)until, Now = attempt.At }, StatusCodes.Status429TooManyRequests);
            }

            var user = accounts.Find(userName);
            // Verify first, for every name: an unknown one costs the same hash (see StaffPasswords.Verify).
            if (!StaffPasswords.Verify(user?.PasswordHash, password) || user is null || password.Length == 0)
            {
                return PageResult.Render<SignIn>(http, new { ReturnUrl = returnUrl, UserName = userName, Failed = true }, StatusCodes.Status401Unauthorized);
            }

            throttle.Succeeded(attempt);
            var principal = StaffAuthentication.Principal(user.DisplayName ?? user.UserName, StaffAuthentication.CookieScheme);
            await http.SignInAsync(StaffAuthentication.CookieScheme, principal);
            return PageResult.SeeOther(returnUrl ?? DefaultStart);
        });

        app.MapStaffFirstAccount();
        return app;
    }

    /// <summary>App Service authentication's own sign-out, which ends the session it keeps.</summary>
    public const string AppServiceSignOut = "/.auth/logout";

    /// <summary>Mapped in the signed-in group: the form's antiforgery token belongs to the signed-in user. Staff signed
    /// in by App Service authentication sign out there; the cookie is the local accounts' session.</summary>
    public static RouteGroupBuilder MapStaffSignOut(this RouteGroupBuilder staff)
    {
        staff.MapPost("/sign-out", async (HttpContext http) =>
        {
            if (http.User.Identity?.AuthenticationType == StaffAuthentication.HeaderScheme)
            {
                return PageResult.SeeOther(AppServiceSignOut);
            }

            await http.SignOutAsync(StaffAuthentication.CookieScheme);
            return PageResult.SeeOther("/staff/sign-in");
        });
        return staff;
    }

    /// <summary>Only a path on this site, so the sign-in page cannot be used to send people elsewhere. Browsers drop
    /// tabs and newlines from URLs (WHATWG URL standard, "basic URL parser"), so "/\t/evil" would become "//evil":
    /// no control or white-space character is allowed at all, and a newline can no longer reach the Location header.</summary>
    internal static string? LocalOnly(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not ('/' or '\\')
        && !url.Any(character => char.IsControl(character) || char.IsWhiteSpace(character))
            ? url
            : null;
}
