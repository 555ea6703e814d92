using System.Globalization;
using System.Resources;

namespace Collections.Web.Pages;

/// <summary>The pages' texts in one language, from the <see cref="PageTexts"/> resources, for the pages not yet
/// rendered as components. A missing key shows as <c>[key]</c> so it is noticed, never crashes a page.</summary>
public sealed class Texts
{
    public const string Dutch = PageLanguage.Dutch;
    public const string English = PageLanguage.English;

    private static readonly ResourceManager Resources = new(typeof(PageTexts));
    private static readonly Texts DutchInstance = new(Dutch, CultureInfo.GetCultureInfo("nl-NL"));
    private static readonly Texts EnglishInstance = new(English, CultureInfo.GetCultureInfo("en-GB"));

    private Texts(string language, CultureInfo culture)
    {
        Language = language;
        Culture = culture;
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public string this[string key] => Resources.GetString(key, Culture) ?? $"[{key}]";

    public static Texts For(string language) => language == English ? EnglishInstance : DutchInstance;

    /// <summary>A workflow stage's name for people (<c>wait-for-due-date</c> → "Wacht op de vervaldatum").</summary>
    public string Stage(string code) => Label("stage", code);

    /// <summary>What a workflow waits for, by its event name (<c>invoice-event</c>), for people.</summary>
    public string Awaited(string eventName) => Label("awaited", eventName);

    /// <summary>How a workflow ended (<c>handed-over</c>), for people.</summary>
    public string Result(string code) => Label("result", code);

    // The code itself where no label exists, so a new one still shows.
    private string Label(string group, string code) => Resources.GetString($"{group}.{code}", Culture) ?? code;

    public string Format(string key, params object?[] values) => string.Format(Culture, this[key], values);

    public string Money(decimal amount, string currency) =>
        currency == "EUR" ? "€ " + amount.ToString("N2", Culture) : $"{currency} {amount.ToString("N2", Culture)}";

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string Moment(DateTimeOffset at) => PageClock.Local(at).ToString("d MMM yyyy HH:mm", Culture);
}
