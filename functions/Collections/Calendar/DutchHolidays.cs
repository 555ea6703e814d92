using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Collections.Calendar;

/// <summary>
/// Dutch public holidays on which the product makes no contact and which extend deadlines.
/// Source: art. 3 Algemene termijnenwet (New Year's Day, Easter Monday, Ascension Day, Whit Monday,
/// King's Day, 5 May, Christmas Day and Boxing Day; lid 2: extra days designated by the government),
/// completed with Good Friday, Easter Sunday and Whit Sunday as the product's LAW.md lists them.
/// King's Day: 27 April, or 26 April when the 27th is a Sunday (rijksoverheid.nl, "Koningsdag").
/// Designated days are dated data
/// (<c>Calendar/designated-days.json</c>, embedded).
/// </summary>
public sealed class DutchHolidays
{
    private const string ResourceName = "Collections.Calendar.designated-days.json";

    private readonly Dictionary<DateOnly, Holiday> _designated;

    public DutchHolidays(IEnumerable<Holiday> designatedDays, DateOnly designatedDaysCoveredThrough)
    {
        ArgumentNullException.ThrowIfNull(designatedDays);
        _designated = designatedDays.ToDictionary(day => day.Date);
        DesignatedDaysCoveredThrough = designatedDaysCoveredThrough;
    }

    /// <summary>The last day for which the designated days were checked; after it, a designated day may be missing.</summary>
    public DateOnly DesignatedDaysCoveredThrough { get; }

    /// <summary>The holidays with the designated days shipped with the product.</summary>
    public static DutchHolidays Default { get; } = LoadEmbedded();

    public bool IsHoliday(DateOnly date) => InYear(date.Year).Any(holiday => holiday.Date == date);

    /// <summary>All holidays of a year, in date order.</summary>
    public IReadOnlyList<Holiday> InYear(int year)
    {
        var easter = Easter.Sunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = kingsDay.AddDays(-1);
        }

        Holiday[] rules =
        [
            new(new DateOnly(year, 1, 1), "New Year's Day"),
            new(easter.AddDays(-2), "Good Friday"),
            new(easter, "Easter Sunday"),
            new(easter.AddDays(1), "Easter Monday"),
            new(kingsDay, "King's Day"),
            new(new DateOnly(year, 5, 5), "Liberation Day"),
            new(easter.AddDays(39), "Ascension Day"),
            new(easter.AddDays(49), "Whit Sunday"),
            new(easter.AddDays(50), "Whit Monday"),
            new(new DateOnly(year, 12, 25), "Christmas Day"),
            new(new DateOnly(year, 12, 26), "Boxing Day"),
        ];

        return rules
            .Concat(_designated.Values.Where(day => day.Date.Year == year))
            .OrderBy(holiday => holiday.Date)
            .ToList();
    }

    private static DutchHolidays LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        return new DutchHolidays(
            document.RootElement.GetProperty("days").EnumerateArray()
                .Select(day => new Holiday(Date(day.GetProperty("date")), day.GetProperty("name").GetString()!))
                .ToList(),
            Date(document.RootElement.GetProperty("coveredThrough")));
    }

    private static DateOnly Date(JsonElement value) =>
        DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
