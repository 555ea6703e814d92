using PhoneNumbers;

namespace Collections.Contacts;

/// <summary>
/// Phone numbers in E.164 form ("+31612345678"), parsed and validated with libphonenumber
/// (Google's metadata of numbering plans). Numbers without a country code are read in the
/// default region, the Netherlands.
/// </summary>
public static class PhoneNumberNormalizer
{
    public const string DefaultRegion = "NL";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static ContactCheck Normalize(string? input, string defaultRegion = DefaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ContactCheck.Invalid("required", "A phone number is required.");
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input, defaultRegion);
        }
        catch (NumberParseException exception)
        {
            return exception.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => ContactCheck.Invalid("no-country-code", $"'{input}' has no valid country code; write it as +<country code><number>."),
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => ContactCheck.Invalid("too-short", $"'{input}' is too short to be a phone number."),
                ErrorType.TOO_LONG => ContactCheck.Invalid("too-long", $"'{input}' is too long to be a phone number."),
                _ => ContactCheck.Invalid("not-a-number", $"'{input}' is not a phone number."),
            };
        }

        if (!Util.IsValidNumber(number))
        {
            return ContactCheck.Invalid("not-in-plan", $"'{input}' is not a valid phone number in the numbering plan of its country.");
        }

        return ContactCheck.Valid(Util.Format(number, PhoneNumberFormat.E164));
    }

    /// <summary>A stored number as people write it: a Dutch number in the national format ("06 12345678",
    /// "020 123 4567"), a foreign one in the international format ("+32 470 12 34 56"); anything that does not
    /// parse as it was stored.</summary>
    public static string ForDisplay(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            var number = Util.Parse(stored, DefaultRegion);
            return Util.Format(number, Util.GetRegionCodeForNumber(number) == DefaultRegion ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return stored;
        }
    }

    /// <summary>True when the number can receive SMS as far as the numbering plan tells (mobile, or could be mobile).</summary>
    public static bool IsMobile(string e164)
    {
        var type = Util.GetNumberType(Util.Parse(e164, DefaultRegion));
        return type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    /// <summary>Like <see cref="IsMobile"/>, but false for anything that is not a phone number at all.</summary>
    public static bool CanReceiveSms(string? input)
    {
        var check = Normalize(input);
        return check.IsValid && IsMobile(check.Value!);
    }
}
