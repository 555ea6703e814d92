namespace Collections.Law;

/// <summary>One row of the dated rate table: the yearly rate that applies from <paramref name="From"/>
/// until the next row of the same kind.</summary>
/// <param name="Derived">True when no official publication was found and the rate was derived by the
/// statutory method (<see cref="StatutoryRateMethod"/>) from <paramref name="EcbRatePercent"/>.</param>
/// <param name="EcbRatePercent">The ECB main refinancing rate the row follows from by the method: a derived row is
/// derived from it, an official one is reproduced from it.</param>
public sealed record InterestRate(InterestKind Kind, DateOnly From, decimal RatePercent, bool Derived, string Source, decimal? EcbRatePercent = null);
