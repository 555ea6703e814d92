using Collections.Calendar;

namespace Collections.Tests.Calendar;

public sealed class ContactWindowTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(19, 59, true)]
    [InlineData(20, 0, false)]
    public void IsAllowed_MessagesOnWeekday_EightToEightLocal(int hour, int minute, bool expected)
    {
        var tuesday = new DateTimeOffset(2026, 3, 3, hour, minute, 0, Winter);

        Assert.Equal(expected, ContactWindow.Messages.IsAllowed(tuesday));
    }

    [Fact]
    public void IsAllowed_SundayOrHoliday_Never()
    {
        Assert.False(ContactWindow.Messages.IsAllowed(new DateTimeOffset(2026, 3, 8, 12, 0, 0, Winter)));
        Assert.False(ContactWindow.Messages.IsAllowed(new DateTimeOffset(2026, 4, 27, 12, 0, 0, Summer))); // King's Day
        Assert.False(ContactWindow.Messages.IsAllowed(new DateTimeOffset(2026, 1, 2, 12, 0, 0, Winter))); // designated day
    }

    [Fact]
    public void IsAllowed_CallsOnSaturday_No_MessagesOnSaturday_Yes()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 12, 0, 0, Winter);

        Assert.False(ContactWindow.Calls.IsAllowed(saturday));
        Assert.True(ContactWindow.Messages.IsAllowed(saturday));
    }

    [Fact]
    public void IsAllowed_SameUtcTimeBeforeAndAfterSpringForward_DependsOnOffset()
    {
        // 06:30 UTC is 07:30 local in winter (too early) and 08:30 local in summer.
        Assert.False(ContactWindow.Messages.IsAllowed(Utc(3, 27, 6, 30)));
        Assert.True(ContactWindow.Messages.IsAllowed(Utc(3, 30, 6, 30)));
    }

    [Fact]
    public void IsAllowed_AfterFallBack_UsesWinterOffset()
    {
        Assert.True(ContactWindow.Messages.IsAllowed(Utc(10, 24, 17, 30))); // Saturday 19:30 summer time
        Assert.False(ContactWindow.Messages.IsAllowed(Utc(10, 26, 6, 30))); // Monday 07:30 winter time
        Assert.True(ContactWindow.Messages.IsAllowed(Utc(10, 26, 7, 0))); // Monday 08:00 winter time
    }

    [Fact]
    public void NextAllowedMoment_AllowedInstant_ReturnsItself()
    {
        var instant = new DateTimeOffset(2026, 3, 3, 10, 17, 23, Winter);

        Assert.Equal(instant, ContactWindow.Messages.NextAllowedMoment(instant));
    }

    [Fact]
    public void NextAllowedMoment_EarlyMorning_SameDayAtStart()
    {
        var next = ContactWindow.Calls.NextAllowedMoment(new DateTimeOffset(2026, 3, 3, 6, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, Winter), next);
    }

    [Fact]
    public void NextAllowedMoment_SaturdayEveningBeforeSpringForward_MondayEightSummerTime()
    {
        var next = ContactWindow.Messages.NextAllowedMoment(Utc(3, 28, 19, 30));

        Assert.Equal(Utc(3, 30, 6, 0), next);
    }

    [Fact]
    public void NextAllowedMoment_SaturdayEveningBeforeFallBack_MondayEightWinterTime()
    {
        var next = ContactWindow.Messages.NextAllowedMoment(Utc(10, 24, 19, 0));

        Assert.Equal(Utc(10, 26, 7, 0), next);
    }

    [Fact]
    public void NextAllowedMoment_ChristmasEveAfterEight_SkipsChristmasBoxingDayAndSunday()
    {
        var next = ContactWindow.Messages.NextAllowedMoment(new DateTimeOffset(2026, 12, 24, 20, 30, 0, Winter));

        Assert.Equal(new DateTimeOffset(2026, 12, 28, 8, 0, 0, Winter), next);
    }

    [Fact]
    public void NextAllowedMoment_CallsFridayAtFive_NextMondayNine()
    {
        var next = ContactWindow.Calls.NextAllowedMoment(new DateTimeOffset(2026, 3, 6, 17, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, Winter), next);
    }

    [Fact]
    public void NextAllowedMoment_KeepsTheOffsetOfTheInput()
    {
        var next = ContactWindow.Calls.NextAllowedMoment(Utc(3, 6, 17, 0));

        Assert.Equal(TimeSpan.Zero, next.Offset);
        Assert.Equal(Utc(3, 9, 8, 0), next);
    }

    [Fact]
    public void Create_NarrowedWindow_IsAccepted()
    {
        var window = ContactWindow.Create([DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(10, 0), new TimeOnly(16, 0));

        Assert.False(window.IsAllowed(new DateTimeOffset(2026, 3, 2, 12, 0, 0, Winter))); // Monday
        Assert.True(window.IsAllowed(new DateTimeOffset(2026, 3, 3, 12, 0, 0, Winter)));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 0, 0, Winter), window.NextAllowedMoment(new DateTimeOffset(2026, 3, 3, 16, 0, 0, Winter)));
    }

    [Fact]
    public void Create_FullLegalRange_IsAccepted()
    {
        var window = ContactWindow.Create([DayOfWeek.Saturday], new TimeOnly(7, 0), new TimeOnly(20, 0));

        Assert.True(window.IsAllowed(new DateTimeOffset(2026, 3, 7, 7, 0, 0, Winter)));
    }

    [Theory]
    [InlineData(6, 59, 17, 0, "before 07:00")]
    [InlineData(9, 0, 20, 1, "after 20:00")]
    [InlineData(17, 0, 9, 0, "start before it ends")]
    public void Create_WidenedOrInvertedTimes_Refused(int fromHour, int fromMinute, int toHour, int toMinute, string reason)
    {
        var error = Assert.Throws<ContactWindowException>(() => ContactWindow.Create(
            [DayOfWeek.Monday], new TimeOnly(fromHour, fromMinute), new TimeOnly(toHour, toMinute)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Sunday_Refused()
    {
        var error = Assert.Throws<ContactWindowException>(() => ContactWindow.Create(
            [DayOfWeek.Saturday, DayOfWeek.Sunday], new TimeOnly(9, 0), new TimeOnly(17, 0)));

        Assert.Contains("Sundays", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoDaysAndUnknownZone_ReportsBoth()
    {
        var error = Assert.Throws<ContactWindowException>(() => ContactWindow.Create(
            [], new TimeOnly(9, 0), new TimeOnly(17, 0), "Mars/Olympus"));

        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void Defaults_UseAmsterdam()
    {
        Assert.Equal("Europe/Amsterdam", ContactWindow.Messages.TimeZone.Id);
        Assert.Equal(6, ContactWindow.Messages.Days.Count);
        Assert.Equal(5, ContactWindow.Calls.Days.Count);
    }
}
