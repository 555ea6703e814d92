using System.Globalization;
using PhoneNumbers;

namespace Collections.Privacy;

/// <summary>
/// Contact details as logs may show them (docs/privacy.md, "What is logged"): enough to tell two recipients apart or
/// see a country or domain problem, never enough to reach the person.
/// </summary>
public static class Masked
{
    private const string Hidden = "•••";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>An email address, a phone number, or anything else (the channel's recipient) as <see cref="Email"/> or <see cref="Phone"/> show it.</summary>
    public static string Recipient(string? to) => to?.Contains('@', StringComparison.Ordinal) == true ? Email(to) : Phone(to);

    /// <summary><c>+31612345678</c> → <c>+31 6 •••• 78</c>: the country code, the national number's first and last two digits.</summary>
    public static string Phone(string? phone)
    {
        var digits = new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 6)
        {
            return Hidden;
        }

        try
        {
            var parsed = Util.Parse(phone, "NL");
            var national = parsed.NationalNumber.ToString(CultureInfo.InvariantCulture);
            return national.Length < 6 ? Hidden : $"+{parsed.CountryCode} {national[0]} •••• {national[^2..]}";
        }
        catch (NumberParseException)
        {
            return $"{Hidden} {digits[^2..]}";
        }
    }

    /// <summary><c>jan@korenbloem.nl</c> → <c>j•••@k•••.nl</c>: the first letter of the name and of the domain, and the top-level domain.</summary>
    public static string Email(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (email is null || at <= 0 || at == email.Length - 1)
        {
            return Hidden;
        }

        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var topLevel = dot > 0 ? domain[dot..] : string.Empty;
        return $"{email[0]}{Hidden}@{domain[0]}{Hidden}{topLevel}";
    }
}
