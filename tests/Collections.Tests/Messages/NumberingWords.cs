using System.Text.RegularExpressions;

namespace Collections.Tests.Messages;

/// <summary>Words that number a reminder (R4: "second reminder", "herinnering 2", "laatste aanmaning", ...).</summary>
internal static partial class NumberingWords
{
    public static bool Appear(string? text) => text is not null && Pattern().IsMatch(text);

    public static string FirstMatch(string? text) => text is null ? string.Empty : Pattern().Match(text).Value;

    [GeneratedRegex(
        @"\b(second|third|fourth|2nd|3rd|4th|tweede|derde|vierde|" +
        @"(first|final|last|eerste|laatste)\s+(reminder|notice|herinnering|aanmaning|sommatie)|" +
        @"\d+\s*(e|de|ste)\s+(herinnering|aanmaning)|" +
        @"(reminder|notice|herinnering|aanmaning|sommatie)\s*(no\.?|nr\.?|#)?\s*\d+)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
