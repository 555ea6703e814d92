namespace Collections.Law;

/// <summary>How a half year's statutory rate follows from the ECB main refinancing rate (MRO). Rows of the rate table
/// without an official figure are derived with it (and marked derived); for official rows it reproduces the figure.
/// Commercial: the MRO of the ECB's most recent main refinancing operation before the half year starts, + 8 points
/// (art. 6:120 lid 2 BW; Late Payment Directive 2011/7/EU art. 2(6)).
/// Consumer: the MRO on the reference date (end of October for 1 January, end of April for 1 July) + 2.25 points,
/// rounded to whole percents (halves and more up, the rest down), changing by at most 2 points from the previous half
/// year (art. 6:120 lid 1 BW; the method as the nota van toelichting of the Besluit van 4 december 2014, Stb. 2014, 491,
/// states it: "peildatum ultimo oktober, respectievelijk ultimo april", "afronding van halven of meer naar boven en
/// overigen naar beneden"). The product's LAW.md reads this as "rounded to half percents"; that reading cannot give
/// the official 6% of 1 January 2025 (3.40 + 2.25 = 5.65 → 5.5), whole percents do (→ 6).</summary>
public static class StatutoryRateMethod
{
    private const decimal CommercialMargin = 8m;
    private const decimal ConsumerMargin = 2.25m;
    private const decimal ConsumerMaxStep = 2m;

    public static decimal Commercial(decimal ecbRatePercent) => ecbRatePercent + CommercialMargin;

    /// <param name="ecbRatePercent">The MRO on the reference date (end of October or end of April before the half year).</param>
    public static decimal Consumer(decimal ecbRatePercent, decimal previousRatePercent)
    {
        var wholePercents = Math.Floor(ecbRatePercent + ConsumerMargin + 0.5m);
        return Math.Clamp(wholePercents, previousRatePercent - ConsumerMaxStep, previousRatePercent + ConsumerMaxStep);
    }
}
