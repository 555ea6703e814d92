using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>An activity function of the app (a <c>[Function]</c> method with an <c>[ActivityTrigger]</c> parameter) as a
/// Durable Task activity: its input is read into the trigger parameter's type with the DataConverter, as the
/// extension's activity input binding does.</summary>
internal sealed class ActivityFunction(object target, MethodInfo function) : ITaskActivity
{
    public string Name { get; } = function.GetCustomAttribute<FunctionAttribute>()!.Name;

    public Type InputType { get; } = function.GetParameters().Single(parameter => parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

    public Type OutputType => function.ReturnType.IsGenericType ? function.ReturnType.GetGenericArguments()[0] : typeof(object);

    /// <summary>Every activity function of <paramref name="target"/>.</summary>
    public static IReadOnlyList<ActivityFunction> Of(object target) =>
        [.. FunctionMethods.All(target.GetType())
            .Where(method => method.GetParameters().Any(parameter => parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            .Select(method => new ActivityFunction(target, method))];

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var task = (Task)function.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, [input], culture: null)!;
        await task;
        return FunctionMethods.ResultOf(task);
    }
}
