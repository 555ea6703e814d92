using Azure.Core.Serialization;
using Collections.Json;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// The serializer of the worker (<c>WorkerOptions.Serializer</c>), in the product's JSON. Worker.Extensions.DurableTask
/// makes it the Durable Task <c>DataConverter</c> of the worker and of the client too (its <c>ObjectConverterShim</c>,
/// set in <c>FunctionsWorkerApplicationBuilderExtensions.ConfigureDurableExtension</c>), so orchestration inputs and
/// outputs, activity inputs and results, events and custom status are all written and read with it.
/// </summary>
public static class DurableSerializer
{
    public static ObjectSerializer Instance { get; } = new JsonObjectSerializer(CollectionsJson.Options);
}
