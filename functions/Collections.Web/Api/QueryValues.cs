using System.Globalization;
using Collections.Handlers;

namespace Collections.Web.Api;

/// <summary>Parses optional query-string values, collecting a field error for each unreadable one.</summary>
internal static class QueryValues
{
    public static int? Integer(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, "Must be a whole number.");
        return null;
    }

    /// <summary>A moment (ISO 8601), or a date meaning "by the end of that day (UTC)".</summary>
    public static DateTimeOffset? Moment(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }

        errors.Add(field, "Must be a date (yyyy-MM-dd) or an ISO 8601 moment.");
        return null;
    }
}
