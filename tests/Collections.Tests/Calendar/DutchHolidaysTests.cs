using Collections.Calendar;

namespace Collections.Tests.Calendar;

public sealed class DutchHolidaysTests
{
    [Theory]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2033, "2033-04-17")]
    [InlineData(2038, "2038-04-25")]
    public void EasterSunday_KnownYears_MatchesComputus(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), Easter.Sunday(year));
    }

    [Theory]
    [InlineData(2025, "2025-04-26")] // 27 April 2025 is a Sunday
    [InlineData(2026, "2026-04-27")]
    [InlineData(2031, "2031-04-26")] // 27 April 2031 is a Sunday
    [InlineData(2033, "2033-04-27")] // a Wednesday
    public void KingsDay_SundayTwentySeventh_MovesToSaturday(int year, string expected)
    {
        var kingsDay = DutchHolidays.Default.InYear(year).Single(holiday => holiday.Name == "King's Day");

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), kingsDay.Date);
    }

    [Fact]
    public void InYear_2026_ListsRulesAndDesignatedDays()
    {
        var dates = DutchHolidays.Default.InYear(2026).Select(holiday => holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(
            [
                "2026-01-01", "2026-01-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-05",
                "2026-05-14", "2026-05-15", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26",
            ],
            dates);
    }

    [Fact]
    public void InYear_2027_IncludesDesignatedDayAfterAscension()
    {
        var dates = DutchHolidays.Default.InYear(2027).Select(holiday => holiday.Date).ToList();

        Assert.Contains(new DateOnly(2027, 3, 26), dates); // Good Friday
        Assert.Contains(new DateOnly(2027, 3, 29), dates); // Easter Monday
        Assert.Contains(new DateOnly(2027, 5, 6), dates); // Ascension Day
        Assert.Contains(new DateOnly(2027, 5, 7), dates); // designated
        Assert.Contains(new DateOnly(2027, 5, 17), dates); // Whit Monday
        Assert.Equal(12, dates.Count);
    }

    [Fact]
    public void InYear_2033_HasOnlyTheRules()
    {
        var dates = DutchHolidays.Default.InYear(2033).Select(holiday => holiday.Date).ToList();

        Assert.Equal(11, dates.Count);
        Assert.Contains(new DateOnly(2033, 5, 26), dates); // Ascension Day (Easter + 39)
        Assert.Contains(new DateOnly(2033, 6, 6), dates); // Whit Monday (Easter + 50)
    }

    [Theory]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-04-18", true)] // Good Friday
    [InlineData("2025-05-05", true)]
    [InlineData("2025-05-29", true)] // Ascension Day
    [InlineData("2025-06-09", true)] // Whit Monday
    [InlineData("2025-12-26", true)]
    [InlineData("2025-04-27", false)] // the Sunday King's Day moved away from
    [InlineData("2025-01-02", false)] // designated only in 2026
    [InlineData("2025-12-24", false)]
    public void IsHoliday_2025_FollowsTheList(string date, bool expected)
    {
        Assert.Equal(expected, DutchHolidays.Default.IsHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    /// <summary>Besluit gelijkstelling (art. 3 lid 2 Algemene termijnenwet): no contact on these days.</summary>
    [Theory]
    [InlineData("2024-05-10")]
    [InlineData("2024-12-27")]
    [InlineData("2025-05-30")]
    [InlineData("2026-01-02")]
    [InlineData("2026-05-15")]
    [InlineData("2027-05-07")]
    [InlineData("2028-04-28")]
    [InlineData("2028-05-26")]
    public void IsHoliday_DesignatedDaysThrough2028_AreHolidays(string date)
    {
        Assert.True(DutchHolidays.Default.IsHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Default_DesignatedDays_CheckedThrough2028()
    {
        Assert.Equal(new DateOnly(2028, 12, 31), DutchHolidays.Default.DesignatedDaysCoveredThrough);
    }

    [Fact]
    public void IsHoliday_CustomDesignatedDay_IsIncluded()
    {
        var holidays = new DutchHolidays([new Holiday(new DateOnly(2030, 6, 3), "Test day")], new DateOnly(2030, 12, 31));

        Assert.True(holidays.IsHoliday(new DateOnly(2030, 6, 3)));
        Assert.False(DutchHolidays.Default.IsHoliday(new DateOnly(2030, 6, 3)));
    }
}
