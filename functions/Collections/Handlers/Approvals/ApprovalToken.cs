using System.Security.Cryptography;
using System.Text;

namespace Collections.Handlers.Approvals;

/// <summary>
/// Approval-link tokens: at least 32 bytes of secret randomness (the workflow derives them as an HMAC of
/// the approval id, so a reminder email repeats the same link). Only the SHA-256 of a token is stored,
/// so a leaked database does not leak working links.
/// </summary>
public static class ApprovalToken
{
    /// <summary>The value stored in <see cref="Storage.ApprovalRecord.TokenHash"/>: lowercase hex SHA-256 of the token.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>True when the text can be a token at all (so a garbled link is rejected before any lookup):
    /// 43 to 128 base64url or hex characters.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: >= 43 and <= 128 } && token.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_');
}
