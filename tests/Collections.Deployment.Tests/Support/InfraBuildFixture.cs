namespace Collections.Deployment.Tests.Support;

/// <summary>Every Bicep file under infra/ compiled once per test run (one Bicep process), shared by
/// the tests that check diagnostics and the tests that read the compiled ARM JSON.</summary>
public sealed class InfraBuildFixture : IDisposable
{
    private readonly string outputDirectory = Path.Combine(Path.GetTempPath(), "collections-bicep-" + Guid.NewGuid().ToString("N"));

    public InfraBuildFixture()
    {
        BicepFiles = Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryPaths.Infra, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Result = BicepCli.BuildAll(RepositoryPaths.Infra, "**/*.bicep", outputDirectory);
    }

    /// <summary>Paths relative to infra/, e.g. <c>modules/rbac.bicep</c>.</summary>
    public IReadOnlyList<string> BicepFiles { get; }

    internal BicepBuildResult Result { get; }

    internal IEnumerable<BicepDiagnostic> DiagnosticsFor(string bicepFile)
    {
        var fullPath = Path.GetFullPath(Path.Combine(RepositoryPaths.Infra, bicepFile));
        return Result.Diagnostics.Where(diagnostic => Path.GetFullPath(diagnostic.File) == fullPath);
    }

    /// <summary>The ARM JSON compiled from <paramref name="bicepFile"/>, or null when the build wrote none.</summary>
    internal string? CompiledJson(string bicepFile)
    {
        var output = Path.Combine(outputDirectory, Path.ChangeExtension(bicepFile, ".json"));
        return File.Exists(output) ? File.ReadAllText(output) : null;
    }

    internal ArmTemplate MainTemplate => ArmTemplate.Parse(
        CompiledJson("main.bicep") ?? throw new InvalidOperationException(
            $"main.bicep did not compile ({Result.ExitCode}):\n{string.Join('\n', Result.Diagnostics.Concat<object>(Result.OtherOutput))}"));

    public void Dispose()
    {
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledInfra : ICollectionFixture<InfraBuildFixture>
{
    public const string Name = "compiled infra";
}
