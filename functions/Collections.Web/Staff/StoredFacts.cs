using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Collections.Web.Staff;

/// <summary>Reads the facts the workflow stores with a line or task (<c>{"text": …, values}</c>) as pages need them,
/// null where a value is missing or of another shape.</summary>
internal static class StoredFacts
{
    /// <summary>The text <paramref name="json"/>'s facts are for, told by <paramref name="tell"/> from those facts and
    /// the text's name (their <c>text</c>); null when there are no such facts or the page has no text for them.</summary>
    public static string? Tell(string? json, Func<JsonElement, string, LocalizedString?> tell)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object && Text(root, "text") is { } name && tell(root, name) is { ResourceNotFound: false } told
            ? told.Value
            : null;
    }

    public static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number, written as one or (in a check problem's facts, which are all text) as invariant text.</summary>
    public static decimal? Number(JsonElement root, string property) =>
        !root.TryGetProperty(property, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDecimal()
        : value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    public static DateOnly? Day(JsonElement root, string property) =>
        Text(root, property) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    public static DateTimeOffset? Moment(JsonElement root, string property) =>
        Text(root, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? moment
            : null;
}
