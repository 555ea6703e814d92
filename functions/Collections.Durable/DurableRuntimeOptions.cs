using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Durable;

/// <summary>Settings of a <see cref="DurableRuntime"/>.</summary>
public sealed class DurableRuntimeOptions
{
    /// <summary>The SQLite database file (created if missing). One runtime process owns a file at a time.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The clock: <see cref="TimeProvider.System"/> in production, a FakeTimeProvider under <see cref="VirtualTimeDriver"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many activities may run at the same time.</summary>
    public int MaxConcurrentActivities { get; init; } = 256;

    /// <summary>How many instances' turns run in one batch (one SQLite transaction).</summary>
    public int MaxTurnsPerBatch { get; init; } = 256;

    /// <summary>How many instances keep their in-memory orchestrator state between turns (0 = always replay from history).</summary>
    public int OrchestrationCacheSize { get; init; } = 10_000;

    /// <summary>How long a started activity attempt is leased before another worker may take it over.</summary>
    public TimeSpan ActivityLeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an event raised for an instance that does not exist yet is kept.</summary>
    public TimeSpan EventRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Serializer options for inputs, outputs, activity results, events and custom status.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; init; } = JsonSerializerOptions.Default;

    /// <summary>Where runtime and replay-safe orchestrator logs go.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DatabasePath, nameof(DatabasePath));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(JsonSerializerOptions, nameof(JsonSerializerOptions));
        ArgumentNullException.ThrowIfNull(LoggerFactory, nameof(LoggerFactory));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentActivities, 1, nameof(MaxConcurrentActivities));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTurnsPerBatch, 1, nameof(MaxTurnsPerBatch));
        ArgumentOutOfRangeException.ThrowIfNegative(OrchestrationCacheSize, nameof(OrchestrationCacheSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ActivityLeaseDuration, TimeSpan.Zero, nameof(ActivityLeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EventRetention, TimeSpan.Zero, nameof(EventRetention));
    }
}
