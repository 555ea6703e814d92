namespace Collections.Intake;

/// <summary>
/// Currencies the product accepts, as ISO 4217 codes: only the euro ("EUR"). The statutory cost
/// scale and the €40 compensation are set in euros (art. 6:96 BW) and iDEAL pays in euros; adding a
/// currency means deciding how the law functions apply to it first.
/// </summary>
public static class SupportedCurrencies
{
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal) { "EUR" };
}
