namespace Collections.Law;

/// <summary>How a half year's statutory rate follows from the ECB main refinancing rate, for rows of the rate
/// table for which no official figure was found (always marked derived).
/// Commercial: ECB rate + 8 points (art. 6:120 lid 2 BW; Late Payment Directive 2011/7/EU art. 2(6)).
/// Consumer: ECB rate + 2.25 points, rounded to half percents, changing by at most 2 points from the previous
/// half year (art. 6:120 lid 1 BW; Besluit vaststelling wettelijke rente, as the product's LAW.md states it).</summary>
public static class StatutoryRateMethod
{
    private const decimal CommercialMargin = 8m;
    private const decimal ConsumerMargin = 2.25m;
    private const decimal ConsumerMaxStep = 2m;

    public static decimal Commercial(decimal ecbRatePercent) => ecbRatePercent + CommercialMargin;

    public static decimal Consumer(decimal ecbRatePercent, decimal previousRatePercent)
    {
        var halfPercents = Math.Round((ecbRatePercent + ConsumerMargin) * 2, MidpointRounding.AwayFromZero) / 2;
        return Math.Clamp(halfPercents, previousRatePercent - ConsumerMaxStep, previousRatePercent + ConsumerMaxStep);
    }
}
