using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Collections.Law;

/// <summary>The dated table of statutory interest rates, kept as data (<c>Law/interest-rates.json</c>,
/// embedded) because the rates change twice a year.</summary>
public sealed class InterestRateTable
{
    private const string ResourceName = "Collections.Law.interest-rates.json";

    private readonly Dictionary<InterestKind, InterestRate[]> _rates;

    public InterestRateTable(IEnumerable<InterestRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        _rates = rates
            .GroupBy(rate => rate.Kind)
            .ToDictionary(group => group.Key, group => group.OrderBy(rate => rate.From).ToArray());
    }

    /// <summary>The table shipped with the product.</summary>
    public static InterestRateTable Dutch { get; } = LoadEmbedded();

    public IReadOnlyList<InterestRate> Rates(InterestKind kind) =>
        _rates.TryGetValue(kind, out var rates) ? rates : [];

    /// <summary>The rate in force on <paramref name="day"/>.</summary>
    /// <exception cref="InvalidOperationException">The table has no rate for that day.</exception>
    public InterestRate RateOn(InterestKind kind, DateOnly day) =>
        Rates(kind).LastOrDefault(rate => rate.From <= day)
        ?? throw new InvalidOperationException(
            $"No {kind} statutory interest rate is known for {day:yyyy-MM-dd}; add it to Law/interest-rates.json.");

    /// <summary>The last day the table covers: rates are fixed per half year, so the half year of the last row.</summary>
    public DateOnly? CoveredThrough(InterestKind kind) =>
        Rates(kind) is { Count: > 0 } rates ? rates[^1].From.AddMonths(6).AddDays(-1) : null;

    /// <summary>The first day after <paramref name="day"/> on which another rate starts, if any.</summary>
    public DateOnly? NextChangeAfter(InterestKind kind, DateOnly day) =>
        Rates(kind).FirstOrDefault(rate => rate.From > day)?.From;

    private static InterestRateTable LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        return new InterestRateTable(
            ReadRows(document.RootElement, "consumer", InterestKind.Consumer)
                .Concat(ReadRows(document.RootElement, "commercial", InterestKind.Commercial)));
    }

    private static IEnumerable<InterestRate> ReadRows(JsonElement root, string property, InterestKind kind) =>
        root.GetProperty(property).EnumerateArray().Select(row => new InterestRate(
            kind,
            DateOnly.ParseExact(row.GetProperty("from").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetProperty("ratePercent").GetDecimal(),
            row.GetProperty("derived").GetBoolean(),
            row.GetProperty("source").GetString()!,
            row.TryGetProperty("ecbRatePercent", out var ecb) ? ecb.GetDecimal() : null)).ToList();
}
