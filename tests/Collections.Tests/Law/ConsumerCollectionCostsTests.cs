using Collections.Law;

namespace Collections.Tests.Law;

public sealed class ConsumerCollectionCostsTests
{
    [Theory]
    [InlineData("20", "40.00")]
    [InlineData("1250", "187.50")]
    [InlineData("3000", "425.00")]
    [InlineData("10000", "875.00")]
    [InlineData("200000", "2775.00")]
    public void For_LawExamples_MatchTheScale(string principal, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), ConsumerCollectionCosts.For(decimal.Parse(principal, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0.01", "40.00")]
    [InlineData("266.66", "40.00")]
    [InlineData("266.67", "40.00")]
    [InlineData("266.70", "40.01")]
    [InlineData("2500", "375.00")]
    [InlineData("2500.10", "375.01")]
    [InlineData("5000", "625.00")]
    [InlineData("5000.20", "625.01")]
    [InlineData("10000.50", "875.01")]
    [InlineData("200000.50", "2775.00")]
    [InlineData("200001", "2775.01")]
    [InlineData("201000", "2780.00")]
    [InlineData("999000", "6770.00")]
    [InlineData("1000000", "6775.00")]
    [InlineData("5000000", "6775.00")]
    public void For_TierBoundaries_ApplyCumulativeTiersMinimumAndMaximum(string principal, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), ConsumerCollectionCosts.For(decimal.Parse(principal, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("20", "48.40")]
    [InlineData("1250", "226.88")]
    [InlineData("3000", "514.25")]
    [InlineData("2000000", "8197.75")]
    public void For_WithVat_Adds21PercentIncludingOnMinimumAndMaximum(string principal, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), ConsumerCollectionCosts.For(decimal.Parse(principal, CultureInfo.InvariantCulture), addVat: true));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void For_NoPositivePrincipal_Throws(string principal)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsumerCollectionCosts.For(decimal.Parse(principal, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void BusinessCompensation_IsFixedFortyEuros()
    {
        Assert.Equal(40m, BusinessCompensation.Fixed);
    }
}
