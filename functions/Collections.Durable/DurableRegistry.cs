using System.Text.Json;

namespace Collections.Durable;

/// <summary>The orchestrators and activities a runtime can run, by name (names are case-insensitive).</summary>
public sealed class DurableRegistry
{
    private readonly Dictionary<string, OrchestratorRegistration> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityRegistration> activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator whose return value becomes the instance output.</summary>
    public DurableRegistry AddOrchestrator<TOutput>(string name, Func<OrchestrationContext, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestrator(name, new OrchestratorRegistration(
            name,
            context => orchestrator(context),
            (task, json) => JsonSerializer.Serialize(((Task<TOutput>)task).Result, json)));
    }

    /// <summary>Registers an orchestrator without output.</summary>
    public DurableRegistry AddOrchestrator(string name, Func<OrchestrationContext, Task> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestrator(name, new OrchestratorRegistration(name, orchestrator, (_, _) => null));
    }

    /// <summary>Registers an activity; it receives its input, its call context and the runtime's stopping token.</summary>
    public DurableRegistry AddActivity<TInput, TOutput>(string name, Func<TInput, ActivityContext, CancellationToken, Task<TOutput>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!activities.TryAdd(name, new ActivityRegistration(name, async (input, context, json, cancellation) =>
            {
                var typedInput = input is null ? default! : JsonSerializer.Deserialize<TInput>(input, json)!;
                var output = await activity(typedInput, context, cancellation);
                return JsonSerializer.Serialize(output, json);
            })))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers an activity that ignores the call context and cancellation.</summary>
    public DurableRegistry AddActivity<TInput, TOutput>(string name, Func<TInput, Task<TOutput>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivity<TInput, TOutput>(name, (input, _, _) => activity(input));
    }

    internal OrchestratorRegistration? FindOrchestrator(string name) => orchestrators.GetValueOrDefault(name);

    internal ActivityRegistration? FindActivity(string name) => activities.GetValueOrDefault(name);

    internal bool HasOrchestrator(string name) => orchestrators.ContainsKey(name);

    private DurableRegistry AddOrchestrator(string name, OrchestratorRegistration registration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!orchestrators.TryAdd(name, registration))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }

        return this;
    }
}

/// <summary>An orchestrator and how to serialize its output once its task completed.</summary>
internal sealed record OrchestratorRegistration(
    string Name,
    Func<OrchestrationContext, Task> Run,
    Func<Task, JsonSerializerOptions, string?> SerializeOutput);

/// <summary>An activity taking and returning JSON.</summary>
internal sealed record ActivityRegistration(
    string Name,
    Func<string?, ActivityContext, JsonSerializerOptions, CancellationToken, Task<string?>> Run);
