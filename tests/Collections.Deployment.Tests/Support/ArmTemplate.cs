using System.Text.Json.Nodes;

namespace Collections.Deployment.Tests.Support;

/// <summary>A compiled ARM template (what <c>bicep build</c> writes), with its local modules nested
/// as <c>Microsoft.Resources/deployments</c> whose <c>properties.template</c> is the module.</summary>
internal sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public JsonObject Parameters => Root["parameters"]?.AsObject() ?? [];

    public JsonObject Variables => Root["variables"]?.AsObject() ?? [];

    public JsonObject Outputs => Root["outputs"]?.AsObject() ?? [];

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("The compiled template is not a JSON object."));

    /// <summary>The resources declared directly in this template (languageVersion 2.0 keys them by symbol).</summary>
    public IEnumerable<JsonObject> Resources => Root["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(pair => pair.Value).OfType<JsonObject>(),
        _ => [],
    };

    /// <summary>The module deployed under <paramref name="deploymentName"/> (the <c>name:</c> of the module in main.bicep).</summary>
    public ArmTemplate Module(string deploymentName) =>
        Resources
            .Where(resource => Type(resource) == "Microsoft.Resources/deployments" && (string?)resource["name"] == deploymentName)
            .Select(resource => new ArmTemplate(resource["properties"]!["template"]!.AsObject()))
            .SingleOrDefault()
        ?? throw new InvalidOperationException($"No module deployment named '{deploymentName}'.");

    /// <summary>The <c>properties.parameters</c> main passes to the module deployed as <paramref name="deploymentName"/>.</summary>
    public JsonObject ModuleParameters(string deploymentName) =>
        Resources
            .Where(resource => Type(resource) == "Microsoft.Resources/deployments" && (string?)resource["name"] == deploymentName)
            .Select(resource => resource["properties"]!["parameters"]!.AsObject())
            .Single();

    public IEnumerable<string> ModuleNames =>
        Resources.Where(resource => Type(resource) == "Microsoft.Resources/deployments").Select(resource => (string)resource["name"]!);

    /// <summary>Every resource of <paramref name="type"/> in this template and all nested modules.</summary>
    public IReadOnlyList<JsonObject> AllResourcesOfType(string type) =>
        AllResources().Where(resource => string.Equals(Type(resource), type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject SingleResourceOfType(string type) =>
        AllResourcesOfType(type) switch
        {
            [var only] => only,
            var found => throw new InvalidOperationException($"Expected one {type}, found {found.Count}."),
        };

    private IEnumerable<JsonObject> AllResources()
    {
        foreach (var resource in Resources)
        {
            yield return resource;
            if (Type(resource) == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in new ArmTemplate(nested).AllResources())
                {
                    yield return inner;
                }
            }
        }
    }

    private static string? Type(JsonObject resource) => (string?)resource["type"];
}
