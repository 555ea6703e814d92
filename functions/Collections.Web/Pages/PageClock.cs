namespace Collections.Web.Pages;

/// <summary>Staff and debtors read times in Dutch local time (the policy's time zone).</summary>
public static class PageClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Local(time.GetUtcNow()));

    /// <summary>The last moment of the local day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddTicks(-1);

    /// <summary>A local wall-clock time (as a datetime-local input gives it) as a moment.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
