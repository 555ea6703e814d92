using System.Net;
using Collections.Web.Components.Staff;
using Collections.Web.Hosting;
using Collections.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Collections.Web.Staff;

/// <summary><c>/staff/first-account</c>: while no staff account exists, whoever sits at the server itself (a request
/// from 127.0.0.1 or ::1) makes the first one, stored as <c>staff add</c> stores it; from anywhere else, or once an
/// account exists, the page is not offered.</summary>
internal static class FirstAccountEndpoints
{
    public const string Path = "/staff/first-account";
    public const int MaxNameLength = 64;

    public static IEndpointRouteBuilder MapStaffFirstAccount(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup(Path).ExcludeFromDescription().RequireAntiforgeryToken();

        staff.MapGet("/", (HttpContext http, StaffAccounts accounts) =>
            Refusal(http, accounts) ?? PageResult.Render<FirstAccount>(http, new { }));

        staff.MapPost("/", async (HttpContext http, StaffAccounts accounts, IOptions<CollectionsOptions> collections) =>
        {
            if (Refusal(http, accounts) is { } refused)
            {
                return refused;
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var userName = form["userName"].ToString().Trim();
            var displayName = form["displayName"].ToString().Trim();
            var password = form["password"].ToString();
            var error = userName.Length is 0 or > MaxNameLength || userName.Any(char.IsWhiteSpace) || displayName.Length > MaxNameLength
                ? "firstAccount.badName"
                : password.Length < StaffCommand.MinPasswordLength
                    ? "firstAccount.shortPassword"
                    : password != form["repeat"].ToString()
                        ? "firstAccount.differ"
                        : null;
            if (error is not null)
            {
                return PageResult.Render<FirstAccount>(
                    http, new { UserName = userName, DisplayName = displayName, Error = error }, StatusCodes.Status400BadRequest);
            }

            var user = new StaffUser { UserName = userName, DisplayName = displayName.Length == 0 ? null : displayName, PasswordHash = StaffPasswords.Hash(password) };
            StaffAccountFile.Save(collections.Value.DataPath, user);
            await http.SignInAsync(StaffAuthentication.CookieScheme, StaffAuthentication.Principal(user.DisplayName ?? user.UserName, StaffAuthentication.CookieScheme));
            return PageResult.SeeOther(SignInEndpoints.DefaultStart);
        });

        return app;
    }

    /// <summary>Whether this request may be offered the first account: only while none exists, only at the server.</summary>
    public static bool Offered(HttpContext http, StaffAccounts accounts) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) && accounts.All().Count == 0;

    private static IResult? Refusal(HttpContext http, StaffAccounts accounts) => Offered(http, accounts)
        ? null
        : accounts.All().Count > 0
            ? PageResult.SeeOther("/staff/sign-in")
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not from here", detail: "The first staff account can only be made on the server itself (from 127.0.0.1), or with `staff add NAME`.");
}
