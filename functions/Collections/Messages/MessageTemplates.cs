using System.Collections.Frozen;
using System.Text;

namespace Collections.Messages;

/// <summary>The template files, keyed by their path below <c>Messages/Templates</c>
/// (e.g. <c>nl/reminder.friendly.email.liquid</c>).</summary>
public static class MessageTemplates
{
    private const string ResourcePrefix = "Templates/";

    private static readonly Lazy<FrozenDictionary<string, string>> EmbeddedTemplates = new(LoadEmbedded);

    /// <summary>The templates shipped with Collections.</summary>
    public static IReadOnlyDictionary<string, string> Embedded => EmbeddedTemplates.Value;

    /// <summary>The shipped templates with some replaced or added, e.g. a company's own wording
    /// read from a folder laid out like <c>Messages/Templates</c>.</summary>
    public static IReadOnlyDictionary<string, string> WithOverrides(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new Dictionary<string, string>(Embedded, StringComparer.Ordinal);
        foreach (var (path, text) in overrides)
        {
            merged[NormalisePath(path)] = text;
        }

        return merged;
    }

    internal static string NormalisePath(string path) => path.Replace('\\', '/').TrimStart('/');

    private static FrozenDictionary<string, string> LoadEmbedded()
    {
        var assembly = typeof(MessageTemplates).Assembly;
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            templates[NormalisePath(name[ResourcePrefix.Length..])] = reader.ReadToEnd();
        }

        return templates.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
