using Collections.Law;

namespace Collections.Tests.Law;

/// <summary>Derived rows of the rate table follow the statutory method (art. 6:120 BW; LAW.md).</summary>
public sealed class StatutoryRateMethodTests
{
    [Theory]
    [InlineData("2.15", "6", "4.5")] // 4.40 rounds to 4.5; a step of 1.5
    [InlineData("3.15", "7", "5.5")] // 5.40 rounds to 5.5
    [InlineData("0", "7", "5")] // 2.25 would be a step of more than 2 points
    [InlineData("4.5", "3", "5")] // 6.75 rounds to 7, capped at 3 + 2
    public void Consumer_EcbPlusTwoQuarterPoints_HalfPercents_StepsAtMostTwo(string ecb, string previous, string expected)
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
    public void Dutch_EveryDerivedRow_IsTheMethodAppliedToItsEcbRate(InterestKind kind)
    {
        var rows = InterestRateTable.Dutch.Rates(kind);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            if (!row.Derived)
            {
                Assert.Null(row.EcbRatePercent);
                continue;
            }

            var ecb = row.EcbRatePercent ?? throw new Xunit.Sdk.XunitException($"Derived row {row.From} has no ecbRatePercent.");
            var expected = kind == InterestKind.Commercial ? StatutoryRateMethod.Commercial(ecb) : StatutoryRateMethod.Consumer(ecb, rows[index - 1].RatePercent);
            Assert.Equal(expected, row.RatePercent);
            Assert.StartsWith("Derived", row.Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dutch_ConsumerFromJuly2025_IsDerivedNotCarriedForward()
    {
        var rate = InterestRateTable.Dutch.RateOn(InterestKind.Consumer, new DateOnly(2025, 7, 1));

        Assert.Equal(4.5m, rate.RatePercent);
        Assert.True(rate.Derived);
    }

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
