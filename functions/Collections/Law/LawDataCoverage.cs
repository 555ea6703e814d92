using Collections.Calendar;

namespace Collections.Law;

/// <summary>LAW.md: the designated days and the rate table are dated data that run out; warn when either does
/// not cover the coming twelve months, so someone adds the new publications before the product needs them.</summary>
public static class LawDataCoverage
{
    public const int MonthsAhead = 12;

    public static IReadOnlyList<string> Warnings(DateOnly today, DutchHolidays holidays, InterestRateTable rates)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(rates);
        var needed = today.AddMonths(MonthsAhead);
        var warnings = new List<string>();
        if (holidays.DesignatedDaysCoveredThrough < needed)
        {
            warnings.Add($"Designated non-working days (Calendar/designated-days.json) are checked only through {holidays.DesignatedDaysCoveredThrough:yyyy-MM-dd}; add the Besluit gelijkstelling days up to {needed:yyyy-MM-dd}.");
        }

        foreach (var kind in new[] { InterestKind.Consumer, InterestKind.Commercial })
        {
            var covered = rates.CoveredThrough(kind);
            if (covered is null || covered < needed)
            {
                warnings.Add($"{kind} statutory interest rates (Law/interest-rates.json) cover only through {covered:yyyy-MM-dd}; add the rates up to {needed:yyyy-MM-dd}.");
            }
        }

        return warnings;
    }

    public static IReadOnlyList<string> Warnings(DateOnly today) => Warnings(today, DutchHolidays.Default, InterestRateTable.Dutch);
}
