namespace Collections.Law;

/// <summary>
/// Dutch statutory interest over an open principal.
/// Sources: art. 6:119 BW (consumer: <i>wettelijke rente</i>, from the day after default) and
/// art. 6:119a BW (commercial: <i>wettelijke handelsrente</i>, from the day after the payment deadline,
/// without notice); both compound yearly — "telkens na afloop van een jaar" the interest of that year
/// is added to the amount on which interest runs (art. 6:119 lid 2, 6:119a lid 3 BW).
/// Day count: actual days / 365, also in leap years (what Dutch interest calculators commonly use).
/// </summary>
public static class StatutoryInterest
{
    private const decimal DaysPerYear = 365m;

    /// <summary>
    /// Interest for every day from <paramref name="from"/> (the first day of default, e.g. the day
    /// after the due date) up to, not including, <paramref name="until"/> (e.g. the payment date).
    /// Interest of each year counted from <paramref name="from"/> is rounded to cents and added to the
    /// principal at the end of that year; the total is rounded to cents half away from zero.
    /// </summary>
    public static StatutoryInterestResult Calculate(
        decimal principal, DateOnly from, DateOnly until, InterestKind kind, InterestRateTable? rates = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(principal);
        rates ??= InterestRateTable.Dutch;

        var periods = new List<InterestPeriod>();
        var interestBase = principal;
        var total = 0m;
        var yearStart = from;
        while (yearStart < until)
        {
            var yearEnd = Min(yearStart.AddYears(1), until);
            var yearInterest = 0m;
            var day = yearStart;
            while (day < yearEnd)
            {
                var rate = rates.RateOn(kind, day);
                var next = rates.NextChangeAfter(kind, day);
                var end = next is { } change && change < yearEnd ? change : yearEnd;
                var interest = interestBase * rate.RatePercent / 100m * (end.DayNumber - day.DayNumber) / DaysPerYear;
                periods.Add(new InterestPeriod(day, end, interestBase, rate.RatePercent, interest, rate.Derived));
                yearInterest += interest;
                day = end;
            }

            if (yearEnd == yearStart.AddYears(1) && yearEnd < until)
            {
                var rounded = RoundToCents(yearInterest);
                interestBase += rounded;
                total += rounded;
            }
            else
            {
                total += yearInterest;
            }

            yearStart = yearEnd;
        }

        return new StatutoryInterestResult(RoundToCents(total), periods);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static decimal RoundToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
