using Collections.Calendar;
using Collections.Policy;

namespace Collections.Workflow;

/// <summary>The policy's days and windows as instants: pure functions of a UTC time, so workflow code
/// can use them on every replay.</summary>
public sealed class ContactSchedule
{
    private readonly BusinessCalendar calendar = BusinessCalendar.Dutch;
    private readonly TimeZoneInfo zone;
    private readonly TimeOnly messageTime;

    public ContactSchedule(CollectionsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Messages = ToWindow(policy.MessageWindow, policy.TimeZone);
        Calls = ToWindow(policy.CallWindow, policy.TimeZone);
        zone = Messages.TimeZone;
        messageTime = policy.MessageTimeOfDay;
    }

    public ContactWindow Messages { get; }

    public ContactWindow Calls { get; }

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone));

    public DateTimeOffset Local(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(AsUtc(utc)), zone);

    /// <summary>A due date on a weekend or holiday moves to the next business day (Algemene termijnenwet).</summary>
    public DateOnly EffectiveDueDate(DateOnly dueDate) => calendar.OnOrNextBusinessDay(dueDate);

    public DateOnly AddBusinessDays(DateOnly date, int days) => calendar.AddBusinessDays(date, days);

    public DateOnly OnOrNextBusinessDay(DateOnly date) => calendar.OnOrNextBusinessDay(date);

    /// <summary>Local midnight at the start of <paramref name="date"/>, in UTC.</summary>
    public DateTime StartOfDay(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The local time on the date, in UTC.</summary>
    public DateTime At(DateOnly date, TimeOnly time) => LocalTime.ToInstant(date.ToDateTime(time), zone).UtcDateTime;

    /// <summary>The first allowed moment for a message on or after the policy's time of day on <paramref name="date"/>.</summary>
    public DateTime MessageMomentOn(DateOnly date) => NextAllowed(At(date, messageTime), Messages);

    /// <summary>The first allowed moment for a call on or after <paramref name="time"/> on <paramref name="date"/>.</summary>
    public DateTime CallMomentOn(DateOnly date, TimeOnly time) => NextAllowed(At(date, time), Calls);

    public static DateTime NextAllowed(DateTime utc, ContactWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.NextAllowedMoment(new DateTimeOffset(AsUtc(utc))).UtcDateTime;
    }

    /// <summary>The end of the window on the local day of <paramref name="utc"/>, in UTC.</summary>
    public DateTime WindowEnd(DateTime utc, ContactWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return At(LocalDate(utc), window.To);
    }

    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    private static ContactWindow ToWindow(ContactWindowPolicy window, string timeZone) =>
        ContactWindow.Create(window.Days, window.From, window.To, timeZone);
}
