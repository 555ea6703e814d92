using System.Net.Mail;
using Collections.Messaging;

namespace Collections.Infrastructure.Channels;

/// <summary>Address checks before anything goes to a provider.</summary>
internal static class EmailAddresses
{
    public static MailAddress Require(string? address, string role)
    {
        if (string.IsNullOrWhiteSpace(address) || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address.Trim())
        {
            throw new MessageRejectedException($"The email {role} '{address}' is not a valid email address.");
        }

        return parsed;
    }
}
