using System.Text.Json;

namespace Collections.Deployment.Tests.AzureFunctions;

/// <summary>The Functions app stays out of the default build and test run, and builds with everything it needs
/// when <c>IncludeAzureFunctions=true</c>.</summary>
public sealed class ProjectInclusionTests
{
    private const string IncludeProperty = "IncludeAzureFunctions=true";

    private static readonly string[] WorkerPackages =
    [
        "Microsoft.Azure.Functions.Worker",
        "Microsoft.Azure.Functions.Worker.Sdk",
        "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore",
        "Microsoft.Azure.Functions.Worker.Extensions.DurableTask",
    ];

    [Fact]
    public void Solution_DefaultBuild_DoesNotContainTheFunctionsApp()
    {
        var solution = FunctionsAppSource.Read("Collections.Functions.sln");

        Assert.DoesNotContain("Collections.AzureFunctions", solution, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProjectFile_WithoutTheProperty_NamesNoWorkerPackage()
    {
        var items = await MsBuildEvaluation.ItemsAsync(FunctionsAppSource.ProjectFile, ["PackageReference", "PackageVersion"]);

        var named = items.Values.SelectMany(list => list).Select(item => item.Identity()).ToList();

        Assert.DoesNotContain(named, IsWorkerPackage);
    }

    [Fact]
    public async Task ProjectFile_WithTheProperty_ReferencesEveryWorkerPackageWithACentralVersion()
    {
        var items = await MsBuildEvaluation.ItemsAsync(FunctionsAppSource.ProjectFile, ["PackageReference", "PackageVersion"], IncludeProperty);

        var referenced = items["PackageReference"].Select(item => item.Identity()).Where(IsWorkerPackage).Order().ToList();
        var versions = items["PackageVersion"].Where(item => IsWorkerPackage(item.Identity())).ToDictionary(item => item.Identity(), item => item.Metadata("Version"));

        Assert.Equal(WorkerPackages.Order(), referenced);
        Assert.All(WorkerPackages, package => Assert.Matches(@"^\d+\.\d+\.\d+$", versions[package]));
    }

    [Fact]
    public async Task ProjectFile_HostJson_IsLinkedFromTheRepositoryRoot()
    {
        var items = await MsBuildEvaluation.ItemsAsync(FunctionsAppSource.ProjectFile, ["None"], IncludeProperty);

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
