using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>Finds a function of the app by its <c>[Function]</c> name, as the Functions host dispatches to it.</summary>
internal static class FunctionMethods
{
    public static MethodInfo Named(Type type, string name) =>
        All(type).SingleOrDefault(method => method.GetCustomAttribute<FunctionAttribute>()!.Name == name)
        ?? throw new InvalidOperationException($"{type.Name} has no function named {name}.");

    public static IEnumerable<MethodInfo> All(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null);

    /// <summary>The value of a finished <c>Task&lt;T&gt;</c>; null for a plain Task.</summary>
    public static object? ResultOf(Task task) =>
        task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
}
