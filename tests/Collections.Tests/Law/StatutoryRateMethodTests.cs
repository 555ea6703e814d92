using Collections.Law;

namespace Collections.Tests.Law;

/// <summary>The statutory method (art. 6:120 BW; nota van toelichting Stb. 2014, 491) reproduces every official row of
/// the rate table and derives the rows without one.</summary>
public sealed class StatutoryRateMethodTests
{
    [Theory]
    [InlineData("3.40", "7", "6")] // 1 January 2025: 5.65, halves and more round up (official 6%)
    [InlineData("4.50", "6", "7")] // 1 January 2024: 6.75 (official 7%)
    [InlineData("2.15", "5", "4")] // 4.40 rounds down
    [InlineData("2.25", "4", "5")] // 4.50: a half rounds up
    [InlineData("0", "7", "5")] // 2.25 would be a step of more than 2 points
    [InlineData("4.5", "3", "5")] // 6.75 rounds to 7, capped at 3 + 2
    public void Consumer_EcbPlusTwoQuarterPoints_WholePercentsHalvesUp_StepsAtMostTwo(string ecb, string previous, string expected)
    {
        Assert.Equal(D(expected), StatutoryRateMethod.Consumer(D(ecb), D(previous)));
    }

    [Fact]
    public void Commercial_EcbPlusEight()
    {
        Assert.Equal(10.15m, StatutoryRateMethod.Commercial(2.15m));
    }

    [Theory]
    [InlineData(InterestKind.Consumer)]
    [InlineData(InterestKind.Commercial)]
    public void Dutch_EveryRow_OfficialOrDerived_IsTheMethodAppliedToItsEcbRate(InterestKind kind)
    {
        var rows = InterestRateTable.Dutch.Rates(kind);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var ecb = row.EcbRatePercent ?? throw new Xunit.Sdk.XunitException($"Row {row.From} has no ecbRatePercent.");
            // The first consumer row has no previous row in the table to bound its step: only its rounding is checked.
            var expected = kind == InterestKind.Commercial
                ? StatutoryRateMethod.Commercial(ecb)
                : StatutoryRateMethod.Consumer(ecb, index == 0 ? row.RatePercent : rows[index - 1].RatePercent);
            Assert.Equal(expected, row.RatePercent);
            Assert.StartsWith(row.Derived ? "Derived" : "Official", row.Source, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2024-01-01", "7")]
    [InlineData("2025-01-01", "6")]
    public void Dutch_OfficialConsumerFiguresOfLawMd_AreOfficialRows(string from, string expected)
    {
        var rate = InterestRateTable.Dutch.RateOn(InterestKind.Consumer, DateOnly.Parse(from, CultureInfo.InvariantCulture));

        Assert.Equal(D(expected), rate.RatePercent);
        Assert.False(rate.Derived);
    }

    [Fact]
    public void Dutch_ConsumerFromJuly2025_IsDerivedNotCarriedForward()
    {
        var july2025 = InterestRateTable.Dutch.RateOn(InterestKind.Consumer, new DateOnly(2025, 7, 1));
        var january2026 = InterestRateTable.Dutch.RateOn(InterestKind.Consumer, new DateOnly(2026, 1, 1));

        Assert.Equal((5m, true), (july2025.RatePercent, july2025.Derived));
        Assert.Equal((4m, true), (january2026.RatePercent, january2026.Derived));
    }

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
