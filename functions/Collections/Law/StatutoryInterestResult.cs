namespace Collections.Law;

/// <summary>Total statutory interest (rounded to cents) and the periods it was computed over.</summary>
public sealed record StatutoryInterestResult(decimal Interest, IReadOnlyList<InterestPeriod> Periods)
{
    /// <summary>True when a rate not (yet) found published was used; show the figure as provisional.</summary>
    public bool UsesDerivedRate => Periods.Any(period => period.DerivedRate);
}
