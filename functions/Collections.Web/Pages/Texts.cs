using System.Globalization;

namespace Collections.Web.Pages;

/// <summary>The pages' texts in one language: a resource dictionary per language (<see cref="DutchTexts"/>,
/// <see cref="EnglishTexts"/>). A missing key shows as <c>[key]</c> so it is noticed, never crashes a page.</summary>
public sealed class Texts
{
    public const string Dutch = "nl";
    public const string English = "en";

    private static readonly Texts DutchInstance = new(Dutch, DutchTexts.Entries, CultureInfo.GetCultureInfo("nl-NL"));
    private static readonly Texts EnglishInstance = new(English, EnglishTexts.Entries, CultureInfo.GetCultureInfo("en-GB"));

    private readonly IReadOnlyDictionary<string, string> entries;

    private Texts(string language, IReadOnlyDictionary<string, string> entries, CultureInfo culture)
    {
        Language = language;
        this.entries = entries;
        Culture = culture;
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public string this[string key] => entries.TryGetValue(key, out var text) ? text : $"[{key}]";

    public static Texts For(string language) => language == English ? EnglishInstance : DutchInstance;

    public string Format(string key, params object?[] values) => string.Format(Culture, this[key], values);

    public string Money(decimal amount, string currency) =>
        currency == "EUR" ? "€ " + amount.ToString("N2", Culture) : $"{currency} {amount.ToString("N2", Culture)}";

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string Moment(DateTimeOffset at) => PageClock.Local(at).ToString("d MMM yyyy HH:mm", Culture);

    internal static IEnumerable<string> Keys(string language) => For(language).entries.Keys;
}
