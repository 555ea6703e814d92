using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Collections.Links;

/// <summary>
/// Signed, expiring links to a debtor's page, so debtors need no account: the link names the invoice and
/// an expiry, and carries an HMAC-SHA256 over both with a server secret (truncated to 128 bits, which keeps
/// SMS short and stays far beyond guessing). Shape: <c>{base}{invoice}?e={unix seconds}&amp;s={signature}</c>.
/// Pure functions, so the message activities can build the same links.
/// </summary>
public static class DebtorLinkSigner
{
    private const int SignatureBytes = 16;

    public static string Sign(string secret, string invoiceNumber, long expiresUnixSeconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var data = Encoding.UTF8.GetBytes(invoiceNumber + "\n" + expiresUnixSeconds.ToString(CultureInfo.InvariantCulture));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
        return Base64Url.EncodeToString(mac.AsSpan(0, SignatureBytes));
    }

    /// <param name="pageBase">Absolute, ending in <c>/debtor/</c> (e.g. <c>https://collections.example.nl/debtor/</c>).</param>
    public static Uri CreateLink(Uri pageBase, string secret, string invoiceNumber, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(pageBase);
        var expires = expiresAt.ToUnixTimeSeconds();
        return new Uri(pageBase, $"{Uri.EscapeDataString(invoiceNumber)}?e={expires.ToString(CultureInfo.InvariantCulture)}&s={Sign(secret, invoiceNumber, expires)}");
    }

    public static DebtorLinkStatus Verify(string secret, string invoiceNumber, string? expires, string? signature, DateTimeOffset now)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix) || string.IsNullOrEmpty(signature))
        {
            return DebtorLinkStatus.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, invoiceNumber, expiresUnix));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return DebtorLinkStatus.Invalid;
        }

        return now.ToUnixTimeSeconds() < expiresUnix ? DebtorLinkStatus.Valid : DebtorLinkStatus.Expired;
    }
}

public enum DebtorLinkStatus
{
    Valid,
    Invalid,
    Expired,
}
