using System.Globalization;
using System.Text.Json;
using Collections.Intake;

namespace Collections.Infrastructure.Payments;

/// <summary>
/// Reads the body of the product's own payment webhook:
/// <c>{"invoiceNumber":"F2026-0042","amount":1250.00,"currency":"EUR","paymentId":"p-1","paidAt":"2026-03-05T10:00:00+01:00"}</c>.
/// Verify the signature with <see cref="GenericWebhookVerifier"/> first.
/// </summary>
public static class GenericPaymentWebhook
{
    public const string Provider = "generic";

    public static PaymentNoticeResult Parse(ReadOnlySpan<byte> rawBody)
    {
        var errors = new ValidationErrors();
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(rawBody);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            errors.Add(ValidationErrors.Body, $"The body is not valid JSON: {exception.Message}");
            return new PaymentNoticeResult(null, errors.ToDictionary());
        }

        using (document)
        {
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                errors.Add(ValidationErrors.Body, "The body must be a JSON object.");
                return new PaymentNoticeResult(null, errors.ToDictionary());
            }

            var invoiceNumber = RequiredString(body, "invoiceNumber", errors);
            var paymentId = RequiredString(body, "paymentId", errors);
            var currency = RequiredString(body, "currency", errors)?.ToUpperInvariant();
            if (currency is not null && !SupportedCurrencies.Codes.Contains(currency))
            {
                errors.Add("currency", $"currency '{currency}' is not supported; supported: {string.Join(", ", SupportedCurrencies.Codes)}.");
            }

            var amount = Amount(body, errors);
            var paidAt = PaidAt(body, errors);
            return errors.IsEmpty
                ? new PaymentNoticeResult(new PaymentNotice(Provider, paymentId!, invoiceNumber!, amount!.Value, currency!, paidAt!.Value), errors.ToDictionary())
                : new PaymentNoticeResult(null, errors.ToDictionary());
        }
    }

    private static string? RequiredString(JsonElement body, string name, ValidationErrors errors)
    {
        if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString()!.Trim() is { Length: > 0 } text)
        {
            return text;
        }

        errors.Add(name, $"{name} is required as a non-empty string.");
        return null;
    }

    private static decimal? Amount(JsonElement body, ValidationErrors errors)
    {
        if (!body.TryGetProperty("amount", out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDecimal(out var amount))
        {
            errors.Add("amount", "amount is required as a JSON number, e.g. 1250.00.");
            return null;
        }

        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "amount must be greater than zero with at most 2 decimals.");
            return null;
        }

        return amount;
    }

    private static DateTimeOffset? PaidAt(JsonElement body, ValidationErrors errors)
    {
        if (body.TryGetProperty("paidAt", out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString()! is var text && HasTimeAndOffset(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var paidAt))
        {
            return paidAt;
        }

        errors.Add("paidAt", "paidAt is required as an ISO 8601 time with offset, e.g. 2026-03-05T10:00:00+01:00 or 2026-03-05T09:00:00Z.");
        return null;
    }

    private static bool HasTimeAndOffset(string text) =>
        text.Contains('T', StringComparison.Ordinal) && text.Length > 6 && (text.EndsWith('Z') || text[^6] is '+' or '-');
}
