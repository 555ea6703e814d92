using Collections.Calendar;
using Collections.Law;

namespace Collections.Tests.Law;

/// <summary>LAW.md: warn when the designated days or the rate table do not cover the coming twelve months.</summary>
public sealed class LawDataCoverageTests
{
    private static readonly InterestRateTable RatesThrough2027 = new(
    [
        new InterestRate(InterestKind.Consumer, new DateOnly(2027, 7, 1), 4.5m, false, "test"),
        new InterestRate(InterestKind.Commercial, new DateOnly(2027, 7, 1), 10.15m, false, "test"),
    ]);

    [Fact]
    public void Warnings_EverythingCovered_None()
    {
        var holidays = new DutchHolidays([], new DateOnly(2028, 12, 31));

        Assert.Empty(LawDataCoverage.Warnings(new DateOnly(2026, 12, 2), holidays, RatesThrough2027));
    }

    [Fact]
    public void Warnings_CalendarEndsWithinTwelveMonths_NamesTheFileAndTheDay()
    {
        var holidays = new DutchHolidays([], new DateOnly(2027, 6, 30));

        var warning = Assert.Single(LawDataCoverage.Warnings(new DateOnly(2026, 12, 2), holidays, RatesThrough2027));
        Assert.Contains("designated-days.json", warning, StringComparison.Ordinal);
        Assert.Contains("2027-06-30", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_ShippedData_OnTwoDecember2026_RatesRunOutAtTheEndOf2026()
    {
        var warnings = LawDataCoverage.Warnings(new DateOnly(2026, 12, 2));

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, warning => Assert.Contains("cover only through 2026-12-31", warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_ShippedData_AYearBeforeTheLastRowEnds_None()
    {
        Assert.Empty(LawDataCoverage.Warnings(new DateOnly(2025, 12, 31)));
    }
}
