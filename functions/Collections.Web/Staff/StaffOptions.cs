using System.ComponentModel.DataAnnotations;

namespace Collections.Web.Staff;

/// <summary>Who may use the staff pages, section <c>Collections:Staff</c>.</summary>
public sealed class StaffOptions : IValidatableObject
{
    public const string Section = "Collections:Staff";

    /// <summary>Local accounts; passwords only as ASP.NET Core Identity password hashes (see <see cref="StaffPasswords"/>).</summary>
    public IList<StaffUser> Users { get; } = [];

    /// <summary>Sign staff in from <c>X-MS-CLIENT-PRINCIPAL-NAME</c>. Only behind Azure App Service
    /// authentication, which authenticates every request and strips that header from clients.</summary>
    public bool TrustAppServiceAuthentication { get; set; }

    /// <summary>Failed sign-ins allowed per user name and per client address.</summary>
    public SignInLimitOptions SignInLimit { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => SignInLimit.Validate();
}

public sealed class StaffUser
{
    public string UserName { get; set; } = string.Empty;

    /// <summary>ASP.NET Core Identity format (v3: PBKDF2-HMAC-SHA512, base64).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    public string? DisplayName { get; set; }
}
