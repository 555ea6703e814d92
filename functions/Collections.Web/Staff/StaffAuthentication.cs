using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Collections.Web.Security;

namespace Collections.Web.Staff;

/// <summary>How staff are recognised: a sign-in cookie for local accounts, or Azure App Service's
/// identity header when that is trusted. One policy scheme picks between them per request.</summary>
internal static class StaffAuthentication
{
    public const string Scheme = "CollectionsStaff";
    public const string CookieScheme = "CollectionsStaffCookie";
    public const string HeaderScheme = "AppServiceAuthentication";
    public const string Policy = "CollectionsStaff";

    /// <summary>App Service authentication's sign-in with Microsoft Entra ID.</summary>
    public const string AppServiceSignIn = "/.auth/login/aad";

    /// <summary>Set by App Service authentication ("Easy Auth") on requests it authenticated.</summary>
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, displayName: null, options => options.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.TrustAppServiceAuthentication
                && context.Request.Headers.ContainsKey(PrincipalNameHeader)
                    ? HeaderScheme
                    : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.LoginPath = "/staff/sign-in";
                options.AccessDeniedPath = "/staff/sign-in";
                options.Cookie.Name = "collections-staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
            })
            .AddScheme<AuthenticationSchemeOptions, AppServiceHeaderHandler>(HeaderScheme, displayName: null, configureOptions: null);
        services.AddStaffSessions(CookieScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static ClaimsPrincipal Principal(string name, string authenticationType) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], authenticationType));
}
