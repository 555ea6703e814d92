using System.Security.Cryptography;
using System.Text;

namespace Collections.Infrastructure.Payments;

/// <summary>HMAC-SHA256 signatures as lowercase hex, compared in constant time.</summary>
internal static class HmacSha256
{
    private const int SignatureHexLength = 64;

    public static byte[] Sign(string secret, ReadOnlySpan<byte> data) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);

    /// <summary>True when <paramref name="hexSignature"/> is the hex form of <paramref name="expected"/>.
    /// The comparison takes the same time wherever the first difference is.</summary>
    public static bool Matches(ReadOnlySpan<byte> expected, string hexSignature)
    {
        if (hexSignature.Length != SignatureHexLength)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hexSignature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
