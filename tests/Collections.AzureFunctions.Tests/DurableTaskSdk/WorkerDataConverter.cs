using Azure.Core.Serialization;
using Microsoft.DurableTask;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>
/// The Durable Task <see cref="DataConverter"/> the Functions extension builds from the worker's serializer
/// (<c>WorkerOptions.Serializer</c>): Worker.Extensions.DurableTask 1.21.1 sets its internal <c>ObjectConverterShim</c>
/// as the DataConverter of the worker and of the client whenever a serializer is configured. Same behaviour here:
/// values are written as their runtime type and read as the target type.
/// </summary>
internal sealed class WorkerDataConverter(ObjectSerializer serializer) : DataConverter
{
    public override string? Serialize(object? value) =>
        value is null ? null : serializer.Serialize(value, value.GetType(), CancellationToken.None).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        if (data is null)
        {
            return null;
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data), writable: false);
        return serializer.Deserialize(stream, targetType, CancellationToken.None);
    }
}
