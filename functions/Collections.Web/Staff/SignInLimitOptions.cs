using System.ComponentModel.DataAnnotations;

namespace Collections.Web.Staff;

/// <summary>How many failed sign-ins <see cref="SignInThrottle"/> allows, section <c>Collections:Staff:SignInLimit</c>.
/// The defaults stay far inside NIST SP 800-63B §5.2.2, which asks verifiers to allow no more than
/// 100 consecutive failed attempts on one account.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = StaffOptions.Section + ":SignInLimit";

    /// <summary>Bounds the timestamps kept per user name or address (memory) to a sane size.</summary>
    public const int MaxFailures = 1000;

    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>Failed sign-ins for one user name (known or not) within <see cref="Window"/> before that name is refused.</summary>
    public int AccountFailures { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address within <see cref="Window"/> before that address is refused,
    /// whatever name it tries: one client cannot spray guesses over many accounts.</summary>
    public int ClientFailures { get; set; } = 20;

    /// <summary>How long a failure counts; a refused name or address may try again once its oldest counted failure is this old.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (AccountFailures is < 1 or > MaxFailures)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(AccountFailures)} must be between 1 and {MaxFailures} (it is {AccountFailures}).", [nameof(AccountFailures)]);
        }

        if (ClientFailures is < 1 or > MaxFailures)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ClientFailures)} must be between 1 and {MaxFailures} (it is {ClientFailures}).", [nameof(ClientFailures)]);
        }

        if (Window <= TimeSpan.Zero || Window > MaxWindow)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Window)} must be more than 00:00:00 and at most {MaxWindow:c} (it is {Window:c}).", [nameof(Window)]);
        }
    }
}
