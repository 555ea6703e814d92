using Collections.Law;

namespace Collections.Tests.Law;

public sealed class StatutoryInterestTests
{
    private static readonly DateOnly Jan2025 = new(2025, 1, 1);

    [Fact]
    public void Calculate_CommercialThirtyDays_UsesActualOver365()
    {
        // 1,000 × 11.15% × 30 / 365 = 9.164…
        var result = StatutoryInterest.Calculate(1_000m, Jan2025, new DateOnly(2025, 1, 31), InterestKind.Commercial);

        Assert.Equal(9.16m, result.Interest);
        Assert.Equal(30, Assert.Single(result.Periods).Days);
    }

    [Fact]
    public void Calculate_AcrossRateChange_SplitsPeriodsPerRate()
    {
        // June 2024 at 12.5% (30 days) + July 2024 at 12.25% (31 days): 102.7397 + 104.0411.
        var result = StatutoryInterest.Calculate(10_000m, new DateOnly(2024, 6, 1), new DateOnly(2024, 8, 1), InterestKind.Commercial);

        Assert.Equal(206.78m, result.Interest);
        Assert.Collection(
            result.Periods,
            june => Assert.Equal((12.5m, 30), (june.RatePercent, june.Days)),
            july => Assert.Equal((12.25m, 31), (july.RatePercent, july.Days)));
    }

    [Fact]
    public void Calculate_ConsumerOverTwoYears_AddsFirstYearInterestToPrincipal()
    {
        // Year 1 (366 days, 7%): 70.19 capitalised. Year 2 on 1,070.19: 181 days at 6% and 184 days at the
        // derived 5% (from 2025-07-01): 31.8418 + 26.9747 = 58.8165.
        var result = StatutoryInterest.Calculate(1_000m, new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1), InterestKind.Consumer);

        Assert.Equal(129.01m, result.Interest);
        Assert.Equal(1_070.19m, result.Periods[^1].Base);
    }

    [Fact]
    public void Calculate_IntoThirdYear_CompoundsBothEarlierYears()
    {
        // Third year base 1,000 + 70.19 + 58.82 = 1,129.01; January 2026 at the derived 4%: 3.8355.
        var result = StatutoryInterest.Calculate(1_000m, new DateOnly(2024, 1, 1), new DateOnly(2026, 2, 1), InterestKind.Consumer);

        Assert.Equal(132.85m, result.Interest);
        Assert.Equal(1_129.01m, result.Periods[^1].Base);
    }

    [Fact]
    public void Calculate_ExactlyOneYear_DoesNotCompound()
    {
        // 181 days at 6% and 184 days at the derived 5%: 29.7534 + 25.2055.
        var result = StatutoryInterest.Calculate(1_000m, Jan2025, new DateOnly(2026, 1, 1), InterestKind.Consumer);

        Assert.Equal(54.96m, result.Interest);
        Assert.All(result.Periods, period => Assert.Equal(1_000m, period.Base));
    }

    [Fact]
    public void Calculate_IntoDerivedPeriod_IsFlaggedProvisional()
    {
        var published = StatutoryInterest.Calculate(1_000m, Jan2025, new DateOnly(2025, 7, 1), InterestKind.Consumer);
        var derived = StatutoryInterest.Calculate(1_000m, Jan2025, new DateOnly(2025, 7, 2), InterestKind.Consumer);

        Assert.False(published.UsesDerivedRate);
        Assert.True(derived.UsesDerivedRate);
    }

    [Fact]
    public void Calculate_SameDay_IsZero()
    {
        var result = StatutoryInterest.Calculate(1_000m, Jan2025, Jan2025, InterestKind.Commercial);

        Assert.Equal(0m, result.Interest);
        Assert.Empty(result.Periods);
    }

    [Fact]
    public void Calculate_BeforeFirstKnownRate_ThrowsNamingTheTable()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StatutoryInterest.Calculate(1_000m, new DateOnly(2023, 12, 1), Jan2025, InterestKind.Consumer));

        Assert.Contains("interest-rates.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_WithOwnTable_UsesThatTable()
    {
        var table = new InterestRateTable([new InterestRate(InterestKind.Consumer, new DateOnly(2000, 1, 1), 10m, false, "test")]);

        var result = StatutoryInterest.Calculate(3_650m, Jan2025, Jan2025.AddDays(10), InterestKind.Consumer, table);

        Assert.Equal(10.00m, result.Interest);
    }
}
