using Collections.Calendar;

namespace Collections.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Dutch;

    [Theory]
    [InlineData("2026-03-02", true)] // Monday
    [InlineData("2026-03-07", false)] // Saturday
    [InlineData("2026-03-08", false)] // Sunday
    [InlineData("2026-04-27", false)] // King's Day (Monday)
    [InlineData("2026-05-15", false)] // designated day
    public void IsBusinessDay_WeekdaysWithoutHolidays(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsBusinessDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-03-04", 2, "2026-03-06")]
    [InlineData("2026-03-05", 2, "2026-03-09")] // over a weekend
    [InlineData("2026-05-13", 1, "2026-05-18")] // Ascension, designated day, weekend
    [InlineData("2026-05-18", -1, "2026-05-13")]
    [InlineData("2026-12-24", 1, "2026-12-28")]
    [InlineData("2026-03-07", 0, "2026-03-07")]
    public void AddBusinessDays_SkipsWeekendsAndHolidays(string start, int days, string expected)
    {
        Assert.Equal(
            DateOnly.Parse(expected, CultureInfo.InvariantCulture),
            Calendar.AddBusinessDays(DateOnly.Parse(start, CultureInfo.InvariantCulture), days));
    }

    [Theory]
    [InlineData("2026-04-26", "2026-04-28")] // Sunday, then King's Day
    [InlineData("2026-04-28", "2026-04-28")]
    [InlineData("2027-05-06", "2027-05-10")] // Ascension, designated day, weekend
    public void OnOrNextBusinessDay_DueDateOnHolidayOrWeekend_MovesForward(string date, string expected)
    {
        Assert.Equal(
            DateOnly.Parse(expected, CultureInfo.InvariantCulture),
            Calendar.OnOrNextBusinessDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AddBusinessDays_AcrossSpringForward_KeepsLocalTimeWithSummerOffset()
    {
        var friday = new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.FromHours(1));

        var monday = Calendar.AddBusinessDays(friday, 1, Amsterdam);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)), monday);
        Assert.Equal(TimeSpan.FromHours(2), monday.Offset);
    }

    [Fact]
    public void AddBusinessDays_AcrossFallBack_KeepsLocalTimeWithWinterOffset()
    {
        var friday = new DateTimeOffset(2026, 10, 23, 10, 0, 0, TimeSpan.FromHours(2));

        var monday = Calendar.AddBusinessDays(friday, 1, Amsterdam);

        Assert.Equal(TimeSpan.FromHours(1), monday.Offset);
        Assert.Equal(new DateTime(2026, 10, 26, 10, 0, 0), monday.DateTime);
    }

    [Fact]
    public void ToInstant_SkippedHour_MovesForwardByTheGap()
    {
        var instant = LocalTime.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0), Amsterdam);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void ToInstant_RepeatedHour_TakesFirstOccurrence()
    {
        var instant = LocalTime.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), Amsterdam);

        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }
}
