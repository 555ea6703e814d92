using System.Net.Mail;

namespace Collections.Contacts;

/// <summary>
/// E-mail syntax check: a bare address (no display name, no angle brackets) that
/// <see cref="MailAddress"/> accepts, with a domain containing a dot and no empty labels.
/// The address is trimmed and returned as given otherwise (the local part is case-sensitive by RFC 5321).
/// </summary>
public static class EmailAddressValidator
{
    private const int MaxLength = 254; // RFC 5321 §4.5.3.1.3 path limit minus the angle brackets.

    public static ContactCheck Validate(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ContactCheck.Invalid("required", "An e-mail address is required.");
        }

        var address = input.Trim();
        if (address.Length > MaxLength)
        {
            return ContactCheck.Invalid("too-long", $"An e-mail address has at most {MaxLength} characters.");
        }

        if (address.Any(character => char.IsWhiteSpace(character) || character is '<' or '>' or '"' or ','))
        {
            return ContactCheck.Invalid("not-bare", $"'{address}' must be a bare address like name@example.nl, without a name, quotes or spaces.");
        }

        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return ContactCheck.Invalid("invalid", $"'{address}' is not a valid e-mail address.");
        }

        var labels = parsed.Host.Split('.');
        if (labels.Length < 2 || labels.Any(label => label.Length == 0 || label.StartsWith('-') || label.EndsWith('-')))
        {
            return ContactCheck.Invalid("no-domain", $"'{address}' needs a full domain such as example.nl.");
        }

        return ContactCheck.Valid(address);
    }
}
