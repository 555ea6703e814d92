namespace Collections.Deployment.Tests.Support;

/// <summary>Reads the block-mapping subset of YAML that azure.yaml uses (nested <c>key: value</c>,
/// two-space indents, comments) into dotted paths such as <c>services.api.project</c>.
/// No YAML library is available from our package feed, and this file needs no more.</summary>
internal static class SimpleYaml
{
    public static IReadOnlyDictionary<string, string> ReadScalars(IEnumerable<string> lines)
    {
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<(int Indent, string Key)>();
        foreach (var raw in lines)
        {
            var line = StripComment(raw).TrimEnd();
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var separator = line.IndexOf(':', StringComparison.Ordinal);
            if (separator < 0)
            {
                throw new FormatException($"Unsupported YAML line: '{raw}'.");
            }

            var key = line[indent..separator].Trim();
            var value = line[(separator + 1)..].Trim().Trim('"', '\'');
            path.RemoveAll(entry => entry.Indent >= indent);
            path.Add((indent, key));
            if (value.Length > 0)
            {
                scalars[string.Join('.', path.Select(entry => entry.Key))] = value;
            }
        }

        return scalars;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }
}
