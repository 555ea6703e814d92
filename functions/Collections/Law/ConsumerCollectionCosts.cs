namespace Collections.Law;

/// <summary>
/// Extrajudicial collection costs a creditor may charge a consumer (WIK).
/// Source: art. 6:96 lid 5–6 BW and art. 2 Besluit vergoeding voor buitengerechtelijke
/// incassokosten (Stb. 2012, 141): cumulative tiers over the principal only — 15% of the first
/// €2,500 (at least €40), 10% of the next €2,500, 5% of the next €5,000, 1% of the next
/// €190,000, 0.5% above €200,000, at most €6,775.
/// </summary>
public static class ConsumerCollectionCosts
{
    public const decimal Minimum = 40m;
    public const decimal Maximum = 6_775m;

    /// <summary>VAT a creditor that cannot deduct VAT may add on top of the costs (art. 3 Besluit; 21% standard rate).</summary>
    public const decimal VatRate = 0.21m;

    private static readonly (decimal UpTo, decimal Rate)[] Tiers =
    [
        (2_500m, 0.15m),
        (5_000m, 0.10m),
        (10_000m, 0.05m),
        (200_000m, 0.01m),
        (decimal.MaxValue, 0.005m),
    ];

    /// <summary>
    /// The costs for a principal, rounded to cents half away from zero (the scale only yields
    /// fractions of a cent above €200,000 and with VAT). With <paramref name="addVat"/> the 21% VAT
    /// is added after the minimum/maximum apply, so also on the €40 minimum.
    /// </summary>
    public static decimal For(decimal principal, bool addVat = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(principal);

        var costs = 0m;
        var lowerBound = 0m;
        foreach (var (upTo, rate) in Tiers)
        {
            if (principal <= lowerBound)
            {
                break;
            }

            costs += (Math.Min(principal, upTo) - lowerBound) * rate;
            lowerBound = upTo;
        }

        costs = Math.Clamp(costs, Minimum, Maximum);
        if (addVat)
        {
            costs *= 1 + VatRate;
        }

        return Math.Round(costs, 2, MidpointRounding.AwayFromZero);
    }
}
