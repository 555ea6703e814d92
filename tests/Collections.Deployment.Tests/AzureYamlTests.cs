using Collections.Deployment.Tests.Support;

namespace Collections.Deployment.Tests;

/// <summary>azure.yaml at the repository root: what `azd up` provisions and deploys.</summary>
public sealed class AzureYamlTests
{
    private static readonly IReadOnlyDictionary<string, string> AzureYaml =
        SimpleYaml.ReadScalars(File.ReadAllLines(RepositoryPaths.InRepository("azure.yaml")));

    [Fact]
    public void AzureYaml_ApiService_IsADotnetFunctionApp()
    {
        Assert.Equal("dotnet", AzureYaml["services.api.language"]);
        Assert.Equal("function", AzureYaml["services.api.host"]);
    }

    [Fact]
    public void AzureYaml_ApiService_ProjectFolderHoldsAProject()
    {
        var project = RepositoryPaths.InRepository(AzureYaml["services.api.project"]);

        Assert.StartsWith(RepositoryPaths.InRepository("functions") + Path.DirectorySeparatorChar, project, StringComparison.Ordinal);
        Assert.True(Directory.Exists(project), $"azure.yaml deploys {project}, which does not exist.");
        Assert.NotEmpty(Directory.EnumerateFiles(project, "*.csproj"));
    }

    [Fact]
    public void AzureYaml_Infra_IsMainBicep()
    {
        Assert.Equal("bicep", AzureYaml["infra.provider"]);
        var main = RepositoryPaths.InRepository($"{AzureYaml["infra.path"]}/{AzureYaml["infra.module"]}.bicep");

        Assert.True(File.Exists(main), $"azure.yaml provisions {main}, which does not exist.");
    }
}
