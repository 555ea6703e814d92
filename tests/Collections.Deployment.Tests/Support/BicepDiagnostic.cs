using System.Globalization;
using System.Text.RegularExpressions;

namespace Collections.Deployment.Tests.Support;

/// <summary>One line of Bicep CLI output such as <c>/x/main.bicep(3,5) : Warning no-unused-params: …</c>.</summary>
internal sealed partial record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public bool IsWarningOrError => Level is "Warning" or "Error";

    public static BicepDiagnostic? TryParse(string line)
    {
        var match = DiagnosticLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        return new BicepDiagnostic(
            match.Groups["file"].Value,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
            match.Groups["level"].Value,
            match.Groups["code"].Value,
            match.Groups["message"].Value);
    }

    public override string ToString() => $"{Path.GetFileName(File)}({Line},{Column}) {Level} {Code}: {Message}";

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:]+): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}
