namespace Collections.Law;

/// <summary>A stretch of days with one rate and one interest base, for showing how interest was computed.</summary>
/// <param name="From">First day counted.</param>
/// <param name="Until">First day no longer counted (exclusive).</param>
/// <param name="Base">Principal plus interest capitalised in earlier years.</param>
/// <param name="Interest">Interest of this stretch, not rounded.</param>
/// <param name="DerivedRate">The rate was derived, not found published (see the rate table).</param>
public sealed record InterestPeriod(DateOnly From, DateOnly Until, decimal Base, decimal RatePercent, decimal Interest, bool DerivedRate)
{
    public int Days => Until.DayNumber - From.DayNumber;
}
