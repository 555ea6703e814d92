namespace Collections.Infrastructure.Payments;

/// <summary>
/// Verifies the product's own payment webhook: header
/// <c>X-Signature: sha256=&lt;lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook secret (UTF-8)&gt;</c>.
/// The generic webhook carries no timestamp; replays of a genuine body are harmless because payments
/// are deduplicated by payment id.
/// </summary>
public sealed class GenericWebhookVerifier
{
    public const string HeaderName = "X-Signature";
    private const string Prefix = "sha256=";

    private readonly string _secret;

    public GenericWebhookVerifier(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        _secret = secret;
    }

    public SignatureCheck Verify(ReadOnlySpan<byte> rawBody, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureCheck.Invalid(SignatureFailure.Missing, $"The {HeaderName} header is missing.");
        }

        var header = signatureHeader.Trim();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.Invalid(SignatureFailure.Malformed, $"The {HeaderName} header must look like '{Prefix}<hex>'.");
        }

        return HmacSha256.Matches(HmacSha256.Sign(_secret, rawBody), header[Prefix.Length..])
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid(SignatureFailure.Mismatch, $"The {HeaderName} signature does not match the body.");
    }

    /// <summary>The header value a sender puts on <paramref name="rawBody"/> (for senders and tests).</summary>
    public string Sign(ReadOnlySpan<byte> rawBody) => Prefix + Convert.ToHexStringLower(HmacSha256.Sign(_secret, rawBody));
}
