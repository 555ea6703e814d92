using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Gives every function the host triggers from outside (HTTP, timer) a <c>durableClient</c> input binding in the
/// metadata the worker reports to the host, so the host sends the client's connection data with every invocation
/// and no trigger declares a <c>[DurableClient]</c> parameter (<see cref="DurableClientSource"/>). Orchestrators,
/// activities and entities run inside Durable Task and get none. The worker applies registered
/// <see cref="IFunctionMetadataTransformer"/>s to the function metadata before the host indexes it.
/// </summary>
public sealed class DurableClientMetadataTransformer : IFunctionMetadataTransformer
{
    public const string BindingName = "collectionsDurableClient";

    public const string BindingType = "durableClient";

    private static readonly string[] DurableTriggers = ["orchestrationTrigger", "activityTrigger", "entityTrigger"];

    public string Name => nameof(DurableClientMetadataTransformer);

    public void Transform(IList<IFunctionMetadata> original)
    {
        ArgumentNullException.ThrowIfNull(original);
        foreach (var function in original)
        {
            if (function.RawBindings is { } bindings && NeedsClient(bindings))
            {
                bindings.Add(new JsonObject { ["name"] = BindingName, ["type"] = BindingType, ["direction"] = "In" }.ToJsonString());
            }
        }
    }

    private static bool NeedsClient(IList<string> bindings)
    {
        var types = bindings.Select(binding => JsonNode.Parse(binding)?["type"]?.GetValue<string>()).ToList();
        return !types.Any(type => DurableTriggers.Contains(type, StringComparer.OrdinalIgnoreCase) || string.Equals(type, BindingType, StringComparison.OrdinalIgnoreCase));
    }
}
