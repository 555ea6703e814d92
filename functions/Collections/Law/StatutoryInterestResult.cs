namespace Collections.Law;

/// <summary>Total statutory interest (rounded to cents) and the periods it was computed over.</summary>
public sealed record StatutoryInterestResult(decimal Interest, IReadOnlyList<InterestPeriod> Periods);
