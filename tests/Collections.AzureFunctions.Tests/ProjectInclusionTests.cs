using System.Text.Json;

namespace Collections.AzureFunctions.Tests;

/// <summary>The Functions app is a normal member of the solution: the default build builds it, with the worker
/// packages at the versions Directory.Packages.props pins.</summary>
public sealed class ProjectInclusionTests
{
    private static readonly string[] WorkerPackages =
    [
        "Microsoft.Azure.Functions.Worker",
        "Microsoft.Azure.Functions.Worker.Sdk",
        "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore",
        "Microsoft.Azure.Functions.Worker.Extensions.DurableTask",
        "Microsoft.Azure.Functions.Worker.Extensions.Timer",
    ];

    [Theory]
    [InlineData(@"functions\Collections.AzureFunctions\Collections.AzureFunctions.csproj")]
    [InlineData(@"functions\Collections.Web\Collections.Web.csproj")]
    public void Solution_ContainsTheProject(string project)
    {
        var solution = FunctionsAppSource.Read("Collections.Functions.sln");

        Assert.Contains(project, solution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectFile_ReferencesEveryWorkerPackageWithACentralVersion()
    {
        var items = await MsBuildEvaluation.ItemsAsync(FunctionsAppSource.ProjectFile, ["PackageReference", "PackageVersion"]);

        var referenced = items["PackageReference"].Select(item => item.Identity()).Where(IsWorkerPackage).Order().ToList();
        var versions = items["PackageVersion"].Where(item => IsWorkerPackage(item.Identity())).ToDictionary(item => item.Identity(), item => item.Metadata("Version"));

        Assert.Equal(WorkerPackages.Order(), referenced);
        Assert.All(WorkerPackages, package => Assert.Matches(@"^\d+\.\d+\.\d+$", versions[package]));
    }

    [Fact]
    public async Task ProjectFile_ReferencesNeitherTheSelfHostedServerNorTheEmbeddedRuntime()
    {
        var items = await MsBuildEvaluation.ItemsAsync(FunctionsAppSource.ProjectFile, ["ProjectReference"]);

        var referenced = items["ProjectReference"].Select(item => Path.GetFileNameWithoutExtension(item.Identity())).Order().ToList();

        Assert.Equal(["Collections", "Collections.Infrastructure", "Collections.Web"], referenced);
    }

    [Fact]
    public async Task ProjectFile_HostJson_IsLinkedFromTheRepositoryRoot()
    {
        var items = await MsBuildEvaluation.ItemsAsync(FunctionsAppSource.ProjectFile, ["None"]);

        var hostJson = Assert.Single(items["None"], item => item.Metadata("Link") == "host.json");

        Assert.Equal(Path.Combine(FunctionsAppSource.RepositoryRoot, "host.json"), hostJson.Metadata("FullPath"));
        Assert.Equal("PreserveNewest", hostJson.Metadata("CopyToOutputDirectory"));
        Assert.Equal("PreserveNewest", hostJson.Metadata("CopyToPublishDirectory"));
    }

    [Fact]
    public void HostJson_TaskHub_ComesFromTheSettingTheSampleNames()
    {
        using var hostJson = JsonDocument.Parse(FunctionsAppSource.Read("host.json"));
        var hub = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString();

        Assert.Equal("%TASKHUB_NAME%", hub);
        Assert.Contains("TASKHUB_NAME", LocalSettings().Keys);
    }

    private static bool IsWorkerPackage(string package) =>
        package.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.DurableTask", StringComparison.OrdinalIgnoreCase);

    internal static IReadOnlyDictionary<string, string> LocalSettings()
    {
        using var document = JsonDocument.Parse(FunctionsAppSource.Read("functions", "Collections.AzureFunctions", "local.settings.json.example"));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(setting => setting.Name, setting => setting.Value.GetString() ?? string.Empty);
    }
}
