namespace Collections.Messages;

/// <summary>The languages messages are written in. Collections is a Dutch product first: a language
/// we have no templates for (or none at all) falls back to Dutch.</summary>
public static class MessageLanguage
{
    public const string Dutch = "nl";
    public const string English = "en";
    public const string Default = Dutch;

    public static IReadOnlyList<string> Supported { get; } = [Dutch, English];

    /// <summary>Maps "nl", "nl-NL", "NL", "en-GB", ... to a supported language; anything else to Dutch.</summary>
    public static string Resolve(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return Default;
        }

        var primary = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Supported.Contains(primary) ? primary : Default;
    }
}
