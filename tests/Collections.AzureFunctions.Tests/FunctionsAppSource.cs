using System.Text.RegularExpressions;

namespace Collections.AzureFunctions.Tests;

/// <summary>The Functions app read as text, so the
/// tests check its bindings in the source. Each function is the text from one <c>[Function(...)]</c> to the next.</summary>
internal static partial class FunctionsAppSource
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ProjectDirectory => Path.Combine(RepositoryRoot, "functions", "Collections.AzureFunctions");

    public static string ProjectFile => Path.Combine(ProjectDirectory, "Collections.AzureFunctions.csproj");

    public static IReadOnlyList<FunctionDeclaration> Functions { get; } = ReadFunctions();

    public static string Read(params string[] relativePath) => File.ReadAllText(Path.Combine([RepositoryRoot, .. relativePath]));

    private static IReadOnlyList<FunctionDeclaration> ReadFunctions()
    {
        var functions = new List<FunctionDeclaration>();
        foreach (var file in Directory.EnumerateFiles(ProjectDirectory, "*.cs", SearchOption.AllDirectories)
                     .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                    && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var starts = FunctionAttribute().Matches(text);
            for (var index = 0; index < starts.Count; index++)
            {
                var end = index + 1 < starts.Count ? starts[index + 1].Index : text.Length;
                functions.Add(new FunctionDeclaration(starts[index].Groups["name"].Value, text[starts[index].Index..end], Path.GetFileName(file)));
            }
        }

        return functions;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Collections.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Collections.Functions.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\[Function\((?<name>.+?)\)\]")]
    private static partial Regex FunctionAttribute();
}

/// <param name="Name">The attribute's argument as written: <c>"SubmitInvoice"</c>, <c>nameof(InvoiceActivities.Record)</c>, <c>InvoiceWorkflow.Name</c>.</param>
/// <param name="Text">The declaration, from its <c>[Function]</c> attribute to the next one.</param>
internal sealed partial record FunctionDeclaration(string Name, string Text, string File)
{
    /// <summary>The HTTP methods (upper case) and route of an <c>[HttpTrigger]</c>, if the function has one.</summary>
    public (IReadOnlyList<string> Methods, string Route)? HttpTrigger
    {
        get
        {
            var match = HttpTriggerAttribute().Match(Text);
            if (!match.Success)
            {
                return null;
            }

            var methods = QuotedString().Matches(match.Groups["methods"].Value).Select(method => method.Groups[1].Value.ToUpperInvariant()).ToList();
            return (methods, match.Groups["route"].Value);
        }
    }

    [GeneratedRegex(@"\[HttpTrigger\(AuthorizationLevel\.\w+,\s*(?<methods>(?:""\w+"",\s*)+)Route\s*=\s*""(?<route>[^""]+)""\)\]")]
    private static partial Regex HttpTriggerAttribute();

    [GeneratedRegex(@"""(\w+)""")]
    private static partial Regex QuotedString();
}
