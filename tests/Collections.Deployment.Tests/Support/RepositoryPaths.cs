using System.Reflection;

namespace Collections.Deployment.Tests.Support;

/// <summary>Paths the build passed into this assembly (see the csproj), so no test guesses where things are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepExecutable { get; } = Metadata("BicepPath");

    public static string Infra => Path.Combine(Root, "infra");

    public static string InRepository(string relativePath) =>
        Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; it is set in Collections.Deployment.Tests.csproj.");
}
