using System.Text.Json;
using Collections.Handlers;
using Collections.Handlers.Invoices;

namespace Collections.Web.Api;

/// <summary>The body of <c>POST /api/invoices/batch</c>: a JSON array of invoices, each kept as the raw JSON the
/// single submit validates, with its number when it has one (so even an invalid item's result can name it).</summary>
internal sealed record InvoiceBatchRequest(IReadOnlyList<string> Invoices, IReadOnlyList<string?> Numbers)
{
    /// <summary>1,000 invoices of about 1 KB each with room to spare; a single invoice may have 256 KB.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The items, or a 400 problem naming <c>$</c> when the body is not a JSON array of at most
    /// <see cref="SubmitInvoiceBatchHandler.MaxInvoices"/> items.</summary>
    public static (InvoiceBatchRequest? Request, IResult? Problem) Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return Invalid("A JSON array of invoices is required.");
            }

            if (root.GetArrayLength() > SubmitInvoiceBatchHandler.MaxInvoices)
            {
                return Invalid($"At most {SubmitInvoiceBatchHandler.MaxInvoices} invoices per batch; this one has {root.GetArrayLength()}.");
            }

            var items = root.EnumerateArray().ToList();
            return (new InvoiceBatchRequest(items.Select(item => item.GetRawText()).ToList(), items.Select(NumberOf).ToList()), null);
        }
        catch (JsonException)
        {
            return Invalid("Not valid JSON.");
        }
    }

    private static string? NumberOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("number", out var number)
        && number.ValueKind == JsonValueKind.String
            ? number.GetString()
            : null;

    private static (InvoiceBatchRequest?, IResult?) Invalid(string message) =>
        (null, HandlerResults.Invalid(new FieldErrors().Add("$", message).ToDictionary()));
}
