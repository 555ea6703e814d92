using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>
/// An orchestrator function run as Worker.Extensions.DurableTask 1.21.1 runs it (its FunctionsOrchestrator and
/// OrchestrationInputConverter): the input type is the function's first parameter without a binding (not a
/// FunctionContext or CancellationToken), <c>object</c> when there is none; the SDK's runner deserializes the
/// input into that type with the DataConverter, and the extension hands it to that parameter. The function sees
/// the context through <see cref="FunctionsOrchestrationContext"/>, which reads <c>GetInput</c> as the extension does.
/// </summary>
internal sealed class FunctionOrchestrator : ITaskOrchestrator
{
    private readonly MethodInfo function;
    private readonly ParameterInfo? inputParameter;

    private readonly DataConverter converter;

    public FunctionOrchestrator(MethodInfo function, DataConverter converter)
    {
        this.function = function;
        this.converter = converter;
        inputParameter = function.GetParameters().FirstOrDefault(parameter =>
            parameter.ParameterType != typeof(FunctionContext)
            && parameter.ParameterType != typeof(CancellationToken)
            && parameter.GetCustomAttribute<BindingAttribute>() is null);
    }

    public Type InputType => inputParameter?.ParameterType ?? typeof(object);

    public Type OutputType => typeof(object);

    /// <summary>The orchestrator function named <paramref name="name"/> in <paramref name="type"/>.</summary>
    public static FunctionOrchestrator For(Type type, string name, DataConverter converter) => new(FunctionMethods.Named(type, name), converter);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var functionsContext = new FunctionsOrchestrationContext(context, converter);
        var arguments = function.GetParameters()
            .Select(parameter => parameter == inputParameter ? input : parameter.ParameterType == typeof(TaskOrchestrationContext) ? functionsContext : null)
            .ToArray();
        var task = (Task)function.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)!;
        await task;
        return FunctionMethods.ResultOf(task);
    }
}
