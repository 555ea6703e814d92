using System.Globalization;
using System.Text.Json;

namespace Collections.Intake;

/// <summary>Reads typed fields from a JSON object, recording an error under the field's path when a
/// field is missing or has the wrong type. Property names are case-sensitive (camelCase).</summary>
internal sealed class JsonFieldReader(ValidationErrors errors)
{
    public ValidationErrors Errors { get; } = errors;

    public static string PathOf(string parentPath, string name) => parentPath.Length == 0 ? name : $"{parentPath}.{name}";

    public string? String(JsonElement parent, string parentPath, string name, bool required)
    {
        var path = PathOf(parentPath, name);
        if (!TryGet(parent, name, out var value))
        {
            ReportMissing(path, required);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(path, $"{path} must be a string.");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            ReportMissing(path, required);
            return null;
        }

        return text;
    }

    public DateOnly? Date(JsonElement parent, string parentPath, string name)
    {
        var path = PathOf(parentPath, name);
        var text = String(parent, parentPath, name, required: true);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors.Add(path, $"{path} must be a date written as yyyy-MM-dd, e.g. 2026-03-03 (got '{text}').");
        return null;
    }

    public decimal? Number(JsonElement parent, string parentPath, string name, bool required)
    {
        var path = PathOf(parentPath, name);
        if (!TryGet(parent, name, out var value))
        {
            ReportMissing(path, required);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Errors.Add(path, $"{path} must be a JSON number, e.g. 1250.00 (not text).");
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            Errors.Add(path, $"{path} is too large.");
            return null;
        }

        return number;
    }

    public int? WholeNumber(JsonElement parent, string parentPath, string name)
    {
        var path = PathOf(parentPath, name);
        var number = Number(parent, parentPath, name, required: false);
        if (number is not { } value)
        {
            return null;
        }

        if (value < 0 || value != decimal.Truncate(value) || value > int.MaxValue)
        {
            Errors.Add(path, $"{path} must be a whole number of zero or more.");
            return null;
        }

        return (int)value;
    }

    /// <summary>The value of a field that must be one of <paramref name="allowed"/> (compared ignoring case).</summary>
    public TEnum? OneOf<TEnum>(JsonElement parent, string parentPath, string name, bool required, IReadOnlyDictionary<string, TEnum> allowed)
        where TEnum : struct
    {
        var path = PathOf(parentPath, name);
        var text = String(parent, parentPath, name, required);
        if (text is null)
        {
            return null;
        }

        if (allowed.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        Errors.Add(path, $"{path} must be one of {string.Join(", ", allowed.Keys.Select(key => $"'{key}'"))} (got '{text}').");
        return null;
    }

    public bool Object(JsonElement parent, string parentPath, string name, bool required, out JsonElement value)
    {
        var path = PathOf(parentPath, name);
        if (!TryGet(parent, name, out value))
        {
            ReportMissing(path, required);
            return false;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(path, $"{path} must be an object.");
            return false;
        }

        return true;
    }

    private static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private void ReportMissing(string path, bool required)
    {
        if (required)
        {
            Errors.Add(path, $"{path} is required.");
        }
    }
}
