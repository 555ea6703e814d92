using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Collections.Intake;

namespace Collections.Infrastructure.Payments;

/// <summary>
/// Fetches a payment from the Mollie API, <c>GET {baseUrl}/v2/payments/{id}</c> with
/// <c>Authorization: Bearer {apiKey}</c> (Mollie API reference, "Get payment"), and turns a paid one
/// into a <see cref="PaymentNotice"/>. The invoice number is read from <c>metadata.invoiceNumber</c>,
/// which the product sets when it creates the payment (metadata may arrive as an object or as a
/// JSON-encoded string). The free-text <c>description</c> is deliberately not parsed: a paid payment
/// without the metadata is reported, not guessed at.
/// </summary>
public sealed class MollieClient
{
    public const string Provider = "mollie";

    private readonly HttpClient _http;
    private readonly MollieOptions _options;

    public MollieClient(HttpClient http, MollieOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        _http = http;
        _options = options;
    }

    /// <exception cref="MollieApiException">The API refused the key, does not know the payment, or failed.</exception>
    public async Task<MolliePayment> GetPaymentAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        var id = MollieWebhook.ReadPaymentId($"id={Uri.EscapeDataString(paymentId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrlWithSlash(), $"v2/payments/{id}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new MollieApiException(response.StatusCode, response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => "Mollie refused the API key (401).",
                HttpStatusCode.NotFound => $"Mollie does not know payment {id} (404).",
                _ => $"Mollie answered {(int)response.StatusCode} for payment {id}.",
            });
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return Read(id, document.RootElement);
    }

    // A base address without a trailing slash would lose its last path segment when combined.
    private Uri BaseUrlWithSlash() =>
        _options.BaseUrl.AbsoluteUri.EndsWith('/') ? _options.BaseUrl : new Uri(_options.BaseUrl.AbsoluteUri + "/");

    private static MolliePayment Read(string id, JsonElement payment)
    {
        var status = payment.TryGetProperty("status", out var statusElement) ? statusElement.GetString() ?? "" : "";
        if (status != "paid")
        {
            return new MolliePayment(id, status, null, $"Payment status is '{status}', not 'paid'.");
        }

        var invoiceNumber = InvoiceNumber(payment);
        if (invoiceNumber is null)
        {
            return new MolliePayment(id, status, null, "The paid payment has no metadata.invoiceNumber, so it belongs to no invoice.");
        }

        var amount = payment.GetProperty("amount");
        var currency = amount.GetProperty("currency").GetString()!.ToUpperInvariant();
        if (!SupportedCurrencies.Codes.Contains(currency))
        {
            throw new PaymentPayloadException("amount.currency", $"Currency '{currency}' is not supported.");
        }

        var value = decimal.Parse(amount.GetProperty("value").GetString()!, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var paidAt = payment.TryGetProperty("paidAt", out var paidAtElement) && paidAtElement.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(paidAtElement.GetString()!, CultureInfo.InvariantCulture)
            : throw new PaymentPayloadException("paidAt", "A paid Mollie payment has no paidAt.");
        return new MolliePayment(id, status, new PaymentNotice(Provider, id, invoiceNumber, value, currency, paidAt), null);
    }

    private static string? InvoiceNumber(JsonElement payment)
    {
        if (!payment.TryGetProperty("metadata", out var metadata))
        {
            return null;
        }

        if (metadata.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(metadata.GetString()!);
                return InvoiceNumberOf(inner.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return InvoiceNumberOf(metadata);
    }

    private static string? InvoiceNumberOf(JsonElement metadata) =>
        metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("invoiceNumber", out var number)
        && number.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(number.GetString())
            ? number.GetString()!.Trim()
            : null;
}
