using Collections.Deployment.Tests.Support;

namespace Collections.Deployment.Tests.Infra;

/// <summary>Every Bicep file under infra/ compiles offline with no errors and no linter warnings
/// (infra/bicepconfig.json says which rules are on and why).</summary>
[Collection(CompiledInfra.Name)]
public sealed class BicepFileTests(InfraBuildFixture build)
{
    public static TheoryData<string> BicepFiles() => new(FindBicepFiles());

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void BicepFile_Build_SucceedsWithoutWarnings(string file)
    {
        var findings = build.DiagnosticsFor(file).Where(diagnostic => diagnostic.IsWarningOrError).Select(diagnostic => diagnostic.ToString()).ToList();

        Assert.True(findings.Count == 0, $"bicep build {file}:\n{string.Join('\n', findings)}");
        Assert.StartsWith("{", build.CompiledJson(file)?.TrimStart() ?? "(no output)", StringComparison.Ordinal);
    }

    [Fact]
    public void InfraFolder_Build_ExitsCleanly()
    {
        Assert.True(build.Result.ExitCode == 0 && build.Result.OtherOutput.Count == 0,
            $"bicep build exited {build.Result.ExitCode}:\n{string.Join('\n', build.Result.OtherOutput)}");
        Assert.Equal(FindBicepFiles(), build.BicepFiles);
        Assert.Contains("main.bicep", build.BicepFiles);
        Assert.Contains("modules/rbac.bicep", build.BicepFiles);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void BicepFile_Modules_AreLocalFilesOnly(string file)
    {
        // Registry (br:, br/public:) and template-spec (ts:) modules need the network to restore.
        var registryReferences = File.ReadLines(Path.Combine(RepositoryPaths.Infra, file))
            .Where(line => line.TrimStart().StartsWith("module ", StringComparison.Ordinal))
            .Where(line => line.Contains("'br:", StringComparison.Ordinal)
                || line.Contains("'br/", StringComparison.Ordinal)
                || line.Contains("'ts:", StringComparison.Ordinal)
                || line.Contains("'ts/", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(registryReferences);
    }

    private static List<string> FindBicepFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryPaths.Infra, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
