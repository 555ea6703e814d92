namespace Collections.Calendar;

/// <summary>
/// When the product may contact a debtor: allowed days of the week and a local time range
/// [<see cref="From"/>, <see cref="To"/>) in a time zone — never on Sundays or public holidays.
/// Source: Besluit kwaliteit incassodienstverlening (Wki, in force 2024-04-01) forbids contact by
/// phone, letter or electronic means between 20:00 and 07:00 and on Sundays and public holidays;
/// the product applies it to every creditor. A policy may narrow a window but never widen it past
/// 07:00–20:00 or add Sunday (<see cref="Create"/> refuses).
/// </summary>
public sealed class ContactWindow
{
    public static readonly TimeOnly EarliestAllowed = new(7, 0);
    public static readonly TimeOnly LatestAllowed = new(20, 0);

    private ContactWindow(IReadOnlySet<DayOfWeek> days, TimeOnly from, TimeOnly to, TimeZoneInfo timeZone)
    {
        Days = days;
        From = from;
        To = to;
        TimeZone = timeZone;
    }

    /// <summary>Default for SMS and e-mail: Monday–Saturday 08:00–20:00, Europe/Amsterdam.</summary>
    public static ContactWindow Messages { get; } = Create(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
        new TimeOnly(8, 0), new TimeOnly(20, 0));

    /// <summary>Default for phone calls: Monday–Friday 09:00–17:00, Europe/Amsterdam.</summary>
    public static ContactWindow Calls { get; } = Create(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0), new TimeOnly(17, 0));

    public IReadOnlySet<DayOfWeek> Days { get; }

    /// <summary>Local start time, inclusive.</summary>
    public TimeOnly From { get; }

    /// <summary>Local end time, exclusive.</summary>
    public TimeOnly To { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>A validated window.</summary>
    /// <exception cref="ContactWindowException">The window is empty, includes Sunday, or reaches outside 07:00–20:00.</exception>
    public static ContactWindow Create(
        IEnumerable<DayOfWeek> days, TimeOnly from, TimeOnly to, string timeZoneId = LocalTime.AmsterdamId)
    {
        ArgumentNullException.ThrowIfNull(days);
        var daySet = days.ToHashSet();
        var errors = Validate(daySet, from, to);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var timeZone))
        {
            errors.Add($"Unknown time zone '{timeZoneId}'.");
        }

        return errors.Count > 0
            ? throw new ContactWindowException(errors)
            : new ContactWindow(daySet, from, to, timeZone!);
    }

    /// <summary>True when contact at <paramref name="instant"/> is allowed (holidays from <paramref name="holidays"/>,
    /// default <see cref="DutchHolidays.Default"/>).</summary>
    public bool IsAllowed(DateTimeOffset instant, DutchHolidays? holidays = null)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return IsAllowedDay(DateOnly.FromDateTime(local), holidays ?? DutchHolidays.Default)
            && time >= From && time < To;
    }

    /// <summary>The instant itself when allowed, otherwise the start of the next allowed window.</summary>
    public DateTimeOffset NextAllowedMoment(DateTimeOffset instant, DutchHolidays? holidays = null)
    {
        holidays ??= DutchHolidays.Default;
        if (IsAllowed(instant, holidays))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= From)
        {
            date = date.AddDays(1);
        }

        // A year always contains an allowed day: Create refuses empty windows, and holidays are
        // far fewer than the weeks of a year.
        for (var attempt = 0; attempt < 366; attempt++, date = date.AddDays(1))
        {
            if (IsAllowedDay(date, holidays))
            {
                return LocalTime.ToInstant(date.ToDateTime(From), TimeZone).ToOffset(instant.Offset);
            }
        }

        throw new InvalidOperationException("No allowed contact moment within a year.");
    }

    private bool IsAllowedDay(DateOnly date, DutchHolidays holidays) =>
        Days.Contains(date.DayOfWeek) && !holidays.IsHoliday(date);

    private static List<string> Validate(HashSet<DayOfWeek> days, TimeOnly from, TimeOnly to)
    {
        var errors = new List<string>();
        if (days.Count == 0)
        {
            errors.Add("A contact window needs at least one day.");
        }

        if (days.Contains(DayOfWeek.Sunday))
        {
            errors.Add("Contact on Sundays is not allowed.");
        }

        if (from < EarliestAllowed)
        {
            errors.Add($"A contact window cannot start before {EarliestAllowed:HH\\:mm} (it starts at {from:HH\\:mm}).");
        }

        if (to > LatestAllowed || to == TimeOnly.MinValue)
        {
            errors.Add($"A contact window cannot end after {LatestAllowed:HH\\:mm} (it ends at {to:HH\\:mm}).");
        }

        if (from >= to)
        {
            errors.Add($"A contact window must start before it ends ({from:HH\\:mm}–{to:HH\\:mm}).");
        }

        return errors;
    }
}
