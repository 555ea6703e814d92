using System.Text.Json;
using Collections.Intake;

namespace Collections.Infrastructure.Payments;

/// <summary>
/// Reads a Stripe event (Stripe API reference, "The Event object", "The PaymentIntent object",
/// "The Checkout Session object"). Payments come from:
/// <list type="bullet">
/// <item><c>payment_intent.succeeded</c>: <c>amount_received</c> (cents), <c>currency</c>, <c>metadata.invoice_number</c>;</item>
/// <item><c>checkout.session.completed</c> and <c>checkout.session.async_payment_succeeded</c> (iDEAL and other
/// delayed methods): <c>amount_total</c>, <c>currency</c>, <c>metadata.invoice_number</c>, only when
/// <c>payment_status</c> is <c>paid</c>.</item>
/// </list>
/// The payment id is the PaymentIntent id (a Checkout Session's <c>payment_intent</c> when present), so
/// the events of one payment deduplicate to one payment. Amounts are divided by 100: the product only
/// accepts EUR, which has two decimals. The event's <c>created</c> time is the payment time.
/// </summary>
public static class StripeEventParser
{
    public const string Provider = "stripe";

    /// <exception cref="PaymentPayloadException">The event is malformed, naming the field.</exception>
    public static StripeEvent Parse(ReadOnlySpan<byte> rawBody)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(rawBody);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            throw new PaymentPayloadException("$", $"The Stripe event is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var id = String(root, "id");
            var type = String(root, "type");
            var created = DateTimeOffset.FromUnixTimeSeconds(Long(root, "created"));
            var payment = Object(Object(root, "data", "data"), "object", "data.object");
            return type switch
            {
                "payment_intent.succeeded" => Paid(id, type, payment, "amount_received", String(payment, "id", "data.object.id"), created),
                "checkout.session.completed" or "checkout.session.async_payment_succeeded" => CheckoutSession(id, type, payment, created),
                _ => new StripeEvent(id, type, null, $"Event type '{type}' does not confirm a payment."),
            };
        }
    }

    private static StripeEvent CheckoutSession(string id, string type, JsonElement session, DateTimeOffset created)
    {
        var status = String(session, "payment_status", "data.object.payment_status");
        if (status != "paid")
        {
            return new StripeEvent(id, type, null, $"Checkout Session payment_status is '{status}', not 'paid'.");
        }

        var paymentId = session.TryGetProperty("payment_intent", out var intent) && intent.ValueKind == JsonValueKind.String
            ? intent.GetString()!
            : String(session, "id", "data.object.id");
        return Paid(id, type, session, "amount_total", paymentId, created);
    }

    private static StripeEvent Paid(string id, string type, JsonElement payment, string amountField, string paymentId, DateTimeOffset created)
    {
        if (!payment.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("invoice_number", out var invoice) || invoice.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(invoice.GetString()))
        {
            return new StripeEvent(id, type, null, "The payment has no metadata.invoice_number, so it belongs to no invoice.");
        }

        var currency = String(payment, "currency", "data.object.currency").ToUpperInvariant();
        if (!SupportedCurrencies.Codes.Contains(currency))
        {
            throw new PaymentPayloadException("data.object.currency", $"Currency '{currency}' is not supported.");
        }

        var cents = Long(payment, amountField, $"data.object.{amountField}");
        var notice = new PaymentNotice(Provider, paymentId, invoice.GetString()!.Trim(), cents / 100m, currency, created, id);
        return new StripeEvent(id, type, notice, null);
    }

    private static JsonElement Object(JsonElement parent, string name, string path) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new PaymentPayloadException(path, $"The Stripe event has no object {path}.");

    private static string String(JsonElement parent, string name, string? path = null) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new PaymentPayloadException(path ?? name, $"The Stripe event has no string {path ?? name}.");

    private static long Long(JsonElement parent, string name, string? path = null) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number)
            ? number
            : throw new PaymentPayloadException(path ?? name, $"The Stripe event has no whole number {path ?? name}.");
}
