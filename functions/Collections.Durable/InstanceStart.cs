namespace Collections.Durable;

/// <summary>One instance for <see cref="DurableClient.StartManyAsync"/>: its id and its orchestrator's input.</summary>
public sealed record InstanceStart(string InstanceId, object? Input);
