using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Collections.Handlers.Approvals;

/// <summary>
/// Single-use tokens for approval links: 32 random bytes, base64url (43 characters). Only the
/// SHA-256 of the token is stored, so a leaked database does not leak working links.
/// </summary>
public static class ApprovalToken
{
    private const int TokenBytes = 32;

    /// <summary>A new token for the email's link and the hash to store in <see cref="Storage.ApprovalRecord.TokenHash"/>.</summary>
    public static (string Token, string Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>True when the text can be a token at all (so a garbled link is rejected before any lookup):
    /// 32 bytes or more as base64url or hex (the workflow derives its tokens as a hex HMAC of the approval id,
    /// so that a retried or reminder email carries the same link).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: >= 43 and <= 128 } && token.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_');
}
