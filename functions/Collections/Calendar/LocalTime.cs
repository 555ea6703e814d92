namespace Collections.Calendar;

/// <summary>Turns a local wall-clock time into an instant, deciding the daylight-saving edge cases.</summary>
public static class LocalTime
{
    /// <summary>The Dutch time zone (IANA id; Windows resolves it through ICU).</summary>
    public const string AmsterdamId = "Europe/Amsterdam";

    /// <summary>
    /// A local time that does not exist (skipped when clocks go forward) moves forward by the gap;
    /// a local time that occurs twice (clocks go back) takes the first occurrence (summer time).
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime localTime, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        if (timeZone.IsInvalidTime(local))
        {
            var offsetBefore = timeZone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, offsetBefore).ToOffset(timeZone.GetUtcOffset(local.AddHours(3)));
        }

        if (timeZone.IsAmbiguousTime(local))
        {
            var offset = timeZone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }
}
