using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Turns a <c>durableClient</c> binding's payload into a <see cref="DurableTaskClient"/> with the converter the
/// Durable extension declares for <c>[DurableClient]</c> parameters (the <see cref="InputConverterAttribute"/> on
/// <see cref="DurableClientAttribute"/>), so the client is the extension's own (its gRPC channel cache, the worker's
/// serializer). Registered among the worker's input converters, it serves a binding that no parameter declares
/// (<see cref="DurableClientMiddleware"/>); any other target type it leaves to the other converters.
/// </summary>
public sealed class DurableClientConverter : IInputConverter
{
    public static Type ExtensionConverterType { get; } =
        typeof(DurableClientAttribute).GetCustomAttribute<InputConverterAttribute>()?.ConverterType
        ?? throw new InvalidOperationException("The Durable extension declares no converter for [DurableClient].");

    private IInputConverter? extensionConverter;

    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TargetType != typeof(DurableTaskClient))
        {
            return ValueTask.FromResult(ConversionResult.Unhandled());
        }

        extensionConverter ??= (IInputConverter)ActivatorUtilities.CreateInstance(context.FunctionContext.InstanceServices, ExtensionConverterType);
        return extensionConverter.ConvertAsync(context);
    }
}
