using Collections.Law;

namespace Collections.Tests.Law;

public sealed class InterestRateTableTests
{
    [Theory]
    [InlineData(InterestKind.Consumer, "2024-06-30", "7")]
    [InlineData(InterestKind.Consumer, "2025-01-01", "6")]
    [InlineData(InterestKind.Commercial, "2024-01-01", "12.5")]
    [InlineData(InterestKind.Commercial, "2024-07-01", "12.25")]
    [InlineData(InterestKind.Commercial, "2024-12-31", "12.25")]
    [InlineData(InterestKind.Commercial, "2025-01-01", "11.15")]
    [InlineData(InterestKind.Commercial, "2025-07-01", "10.15")]
    [InlineData(InterestKind.Commercial, "2026-01-01", "10.15")]
    public void RateOn_KnownPeriods_ReturnsPublishedRate(InterestKind kind, string day, string expected)
    {
        var rate = InterestRateTable.Dutch.RateOn(kind, DateOnly.Parse(day, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), rate.RatePercent);
        Assert.False(rate.Derived);
    }

    [Theory]
    [InlineData(InterestKind.Consumer)]
    [InlineData(InterestKind.Commercial)]
    public void Dutch_CoversPeriodsUpToJuly2026_EachRowWithSource(InterestKind kind)
    {
        var rates = InterestRateTable.Dutch.Rates(kind);

        Assert.Equal(new DateOnly(2026, 7, 1), rates[^1].From);
        Assert.All(rates, rate => Assert.False(string.IsNullOrWhiteSpace(rate.Source)));
    }

    [Fact]
    public void Dutch_CommercialFromJuly2026_IsEcbRatePlusEightAndMarkedDerived()
    {
        var rate = InterestRateTable.Dutch.RateOn(InterestKind.Commercial, new DateOnly(2026, 7, 1));

        Assert.Equal(10.15m, rate.RatePercent);
        Assert.True(rate.Derived);
    }

    [Fact]
    public void NextChangeAfter_LastRow_IsNull()
    {
        Assert.Equal(new DateOnly(2024, 7, 1), InterestRateTable.Dutch.NextChangeAfter(InterestKind.Commercial, new DateOnly(2024, 1, 1)));
        Assert.Null(InterestRateTable.Dutch.NextChangeAfter(InterestKind.Commercial, new DateOnly(2026, 7, 1)));
    }
}
