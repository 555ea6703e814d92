using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>The ACS HMAC-SHA256 request signature (facts from Azure/azure-sdk-for-net
/// <c>sdk/communication/Shared/src/HMACAuthenticationPolicy.cs</c>; see design/ACS.md).</summary>
public static class AcsRequestSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    /// <summary>RFC 1123 date in the invariant culture, e.g. <c>Wed, 13 Apr 2022 18:09:12 GMT</c>.</summary>
    public static string FormatDate(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Base64 SHA-256 of the exact body bytes.</summary>
    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    public static string Signature(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public static string AuthorizationHeader(string signature) =>
        $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";
}
