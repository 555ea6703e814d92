using System.Text.Json.Nodes;
using Collections.Deployment.Tests.Support;

namespace Collections.Deployment.Tests.Infra;

/// <summary>infra/main.parameters.json (the file azd fills from the environment) against the
/// parameters main.bicep declares.</summary>
[Collection(CompiledInfra.Name)]
public sealed class MainParametersTests(InfraBuildFixture build)
{
    private static readonly JsonObject ParametersFile =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

    private readonly ArmTemplate template = build.MainTemplate;

    private ArmTemplate Template => template;

    [Fact]
    public void ParametersFile_EveryParameter_IsDeclaredInMain()
    {
        var undeclared = ParametersFile.Select(pair => pair.Key).Where(name => !Template.Parameters.ContainsKey(name)).ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void MainTemplate_RequiredParameters_AreInTheFileOrGeneratedByAzd()
    {
        var unsupplied = Template.Parameters
            .Where(pair => pair.Value!["defaultValue"] is null)
            .Where(pair => !ParametersFile.ContainsKey(pair.Key))
            .Where(pair => (string?)pair.Value!["metadata"]?["azd"]?["type"] != "generate")
            .Select(pair => pair.Key)
            .ToList();

        Assert.Empty(unsupplied);
    }

    [Fact]
    public void MainTemplate_GeneratedParameters_AreSecure()
    {
        var generated = Template.Parameters
            .Where(pair => (string?)pair.Value!["metadata"]?["azd"]?["type"] == "generate")
            .ToList();

        Assert.NotEmpty(generated);
        Assert.All(generated, pair => Assert.Equal("securestring", (string?)pair.Value!["type"]));
    }

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    public void ParametersFile_AzdParameters_TakeTheEnvironmentValue(string parameter, string expected)
    {
        Assert.Equal(expected, (string?)ParametersFile[parameter]?["value"]);
    }

    [Fact]
    public void ParametersFile_SecretValues_ComeOnlyFromTheEnvironment()
    {
        var secureNames = Template.Parameters.Where(pair => (string?)pair.Value!["type"] == "securestring").Select(pair => pair.Key);
        var literalSecrets = secureNames
            .Where(ParametersFile.ContainsKey)
            .Where(name => (string?)ParametersFile[name]!["value"] is not { } value || !value.StartsWith("${", StringComparison.Ordinal) || !value.EndsWith('}'))
            .ToList();

        Assert.Empty(literalSecrets);
    }
}
