using Collections.Messaging;
using PhoneNumbers;
using Collections.Privacy;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>E.164 checks before anything goes to a provider: a bad number is our data problem and must fail
/// with a clear reason, never as a provider 400.</summary>
public static class PhoneNumbers164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Returns the number in E.164 (<c>+31612345678</c>); throws <see cref="MessageRejectedException"/> otherwise.</summary>
    public static string Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            throw new MessageRejectedException("The SMS recipient phone number is empty.");
        }

        if (!number.TrimStart().StartsWith('+'))
        {
            throw new MessageRejectedException($"The SMS recipient '{Masked.Phone(number)}' is not in international E.164 format (it must start with + and the country code).");
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(number, null);
        }
        catch (NumberParseException e)
        {
            throw new MessageRejectedException($"The SMS recipient '{Masked.Phone(number)}' is not a phone number: {e.Message}", e);
        }

        if (!Util.IsValidNumber(parsed))
        {
            throw new MessageRejectedException($"The SMS recipient '{Masked.Phone(number)}' is not a valid phone number for its country code.");
        }

        return Util.Format(parsed, PhoneNumberFormat.E164);
    }

    /// <summary>Digits only: delivery reports and results may drop the leading '+'.</summary>
    public static string Digits(string? number) =>
        number is null ? string.Empty : new string(number.Where(char.IsAsciiDigit).ToArray());
}
