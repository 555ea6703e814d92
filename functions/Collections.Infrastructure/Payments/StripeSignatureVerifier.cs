using System.Globalization;
using System.Text;

namespace Collections.Infrastructure.Payments;

/// <summary>
/// Verifies Stripe's <c>Stripe-Signature</c> header (Stripe docs, "Check the webhook signatures" →
/// "Verify manually"): <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;…][,v0=…]</c>. The signed
/// payload is <c>{t}.{raw body}</c>, signed with HMAC-SHA256 keyed with the endpoint secret
/// (<c>whsec_…</c>, as UTF-8). Any one matching <c>v1</c> passes (Stripe sends several while a
/// secret is being rolled); other schemes are ignored. The timestamp must be within the tolerance
/// (default 5 minutes, Stripe's default) of the injected clock, in both directions, which turns
/// away replays of old deliveries.
/// </summary>
public sealed class StripeSignatureVerifier
{
    public const string HeaderName = "Stripe-Signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly string _endpointSecret;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public StripeSignatureVerifier(string endpointSecret, TimeProvider time, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointSecret);
        ArgumentNullException.ThrowIfNull(time);
        _endpointSecret = endpointSecret;
        _time = time;
        _tolerance = tolerance ?? DefaultTolerance;
    }

    public SignatureCheck Verify(ReadOnlySpan<byte> rawBody, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureCheck.Invalid(SignatureFailure.Missing, $"The {HeaderName} header is missing.");
        }

        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var element in signatureHeader.Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = element.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (key, value) = (element[..separator], element[(separator + 1)..]);
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                timestamp = seconds;
            }
            else if (key == "v1")
            {
                signatures.Add(value);
            }
        }

        if (timestamp is not { } signedAt || signatures.Count == 0)
        {
            return SignatureCheck.Invalid(SignatureFailure.Malformed, $"The {HeaderName} header needs a timestamp t= and at least one v1= signature.");
        }

        var expected = HmacSha256.Sign(_endpointSecret, SignedPayload(signedAt, rawBody));
        if (!signatures.Any(signature => HmacSha256.Matches(expected, signature)))
        {
            return SignatureCheck.Invalid(SignatureFailure.Mismatch, "No v1 signature matches the body and timestamp.");
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(signedAt);
        if (age > _tolerance)
        {
            return SignatureCheck.Invalid(SignatureFailure.Stale, $"The signature is {age.TotalSeconds:0} s old; at most {_tolerance.TotalSeconds:0} s is accepted.");
        }

        if (-age > _tolerance)
        {
            return SignatureCheck.Invalid(SignatureFailure.FromFuture, $"The signature is dated {-age.TotalSeconds:0} s in the future; at most {_tolerance.TotalSeconds:0} s is accepted.");
        }

        return SignatureCheck.Valid;
    }

    /// <summary>A header value as Stripe would send it for <paramref name="rawBody"/> at <paramref name="signedAt"/> (for tests and tools).</summary>
    public string Sign(ReadOnlySpan<byte> rawBody, DateTimeOffset signedAt)
    {
        var seconds = signedAt.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HmacSha256.Sign(_endpointSecret, SignedPayload(seconds, rawBody)));
        return string.Create(CultureInfo.InvariantCulture, $"t={seconds},v1={signature}");
    }

    private static byte[] SignedPayload(long timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}."));
        var payload = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(payload, 0);
        rawBody.CopyTo(payload.AsSpan(prefix.Length));
        return payload;
    }
}
