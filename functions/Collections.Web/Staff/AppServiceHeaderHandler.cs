using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Collections.Web.Staff;

/// <summary>Reads the staff member's name from App Service authentication's header. Only reached when
/// <see cref="StaffOptions.TrustAppServiceAuthentication"/> is on (see the policy scheme).</summary>
internal sealed class AppServiceHeaderHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<StaffOptions> staff)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var name = Request.Headers[StaffAuthentication.PrincipalNameHeader].ToString();
        if (!staff.Value.TrustAppServiceAuthentication || string.IsNullOrWhiteSpace(name))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = StaffAuthentication.Principal(name.Trim(), StaffAuthentication.HeaderScheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }
}
