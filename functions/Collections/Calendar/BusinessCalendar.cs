namespace Collections.Calendar;

/// <summary>
/// Business-day arithmetic. A business day is Monday to Friday and not a Dutch public holiday
/// (<see cref="DutchHolidays"/>) — the days a term may end on under art. 1 Algemene termijnenwet,
/// which moves a term ending on a Saturday, Sunday or holiday to the next such day.
/// </summary>
public sealed class BusinessCalendar(DutchHolidays holidays)
{
    /// <summary>Business days with the product's Dutch holidays.</summary>
    public static BusinessCalendar Dutch { get; } = new(DutchHolidays.Default);

    public DutchHolidays Holidays { get; } = holidays;

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.IsHoliday(date);

    /// <summary>The date itself when it is a business day, otherwise the next business day
    /// (a due date or term that ends on a weekend or holiday).</summary>
    public DateOnly OnOrNextBusinessDay(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The date <paramref name="businessDays"/> business days after (or, when negative, before)
    /// <paramref name="date"/>; the start date itself is not counted. Zero returns the date unchanged.</summary>
    public DateOnly AddBusinessDays(DateOnly date, int businessDays)
    {
        var step = Math.Sign(businessDays);
        for (var remaining = Math.Abs(businessDays); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>The same local wall-clock time <paramref name="businessDays"/> business days later in
    /// <paramref name="timeZone"/>; the UTC offset follows daylight saving time of the target day.</summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset instant, int businessDays, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        var targetDate = AddBusinessDays(DateOnly.FromDateTime(local.DateTime), businessDays);
        return LocalTime.ToInstant(targetDate.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), timeZone);
    }
}
