using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>
/// The orchestration context an orchestrator function gets on Azure: the SDK's context, except for
/// <see cref="GetInput{T}"/>. Worker.Extensions.DurableTask 1.21.1 (its FunctionsOrchestrationContext) returns the
/// input when it already has type T, and otherwise reads a JsonElement input with the worker's
/// <c>IOptions&lt;JsonSerializerOptions&gt;</c> — which the Functions worker configures only with case-insensitive
/// property names (Microsoft.Azure.Functions.Worker 2.52.0), not with <c>WorkerOptions.Serializer</c>; any other
/// input goes through the DataConverter.
/// </summary>
internal sealed class FunctionsOrchestrationContext(TaskOrchestrationContext inner, DataConverter converter) : TaskOrchestrationContext
{
    public static readonly JsonSerializerOptions WorkerDefaultJsonOptions = new() { PropertyNameCaseInsensitive = true };

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override T? GetInput<T>() where T : default => inner.GetInput<object>() switch
    {
        T typed => typed,
        JsonElement json => json.Deserialize<T>(WorkerDefaultJsonOptions),
        null => default,
        var other => (T?)converter.Deserialize(converter.Serialize(other), typeof(T)),
    };

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();
}
