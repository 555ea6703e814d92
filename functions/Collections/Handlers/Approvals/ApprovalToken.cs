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

    /// <summary>True when the text can be a token at all (so a garbled link is rejected before any lookup).</summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length != Base64Url.GetEncodedLength(TokenBytes))
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[TokenBytes];
        return Base64Url.TryDecodeFromChars(token, decoded, out var written) && written == TokenBytes;
    }
}
