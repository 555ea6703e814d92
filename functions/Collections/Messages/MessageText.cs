using System.Text;
using System.Text.RegularExpressions;

namespace Collections.Messages;

/// <summary>Turns what a template wrote into tidy text: trimmed lines, at most one blank line between
/// paragraphs; and, for email, blank-line separated paragraphs into HTML paragraphs.</summary>
internal static partial class MessageText
{
    private const string ParagraphStyle = "margin:0 0 16px 0;";

    public static string Tidy(string rendered)
    {
        var lines = rendered.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    public static string SingleLine(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Wraps each paragraph of already-encoded HTML text in a &lt;p&gt;; blocks that start with a
    /// tag (tables, buttons from partials) stay as they are.</summary>
    public static string ToHtmlParagraphs(string encoded)
    {
        var html = new StringBuilder();
        foreach (var block in BlankLines().Split(Tidy(encoded)).Select(block => block.Trim()).Where(block => block.Length > 0))
        {
            html.Append(block.StartsWith('<')
                ? block
                : $"<p style=\"{ParagraphStyle}\">{string.Join("<br>\n", block.Split('\n'))}</p>").Append('\n');
        }

        return html.ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
