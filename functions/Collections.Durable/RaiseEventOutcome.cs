namespace Collections.Durable;

/// <summary>The result of <see cref="DurableClient.RaiseEventAsync"/>.</summary>
public enum RaiseEventOutcome
{
    /// <summary>Queued for the running (or pending or suspended) instance.</summary>
    Queued,

    /// <summary>No instance with that id exists yet: the event is kept (see <see cref="DurableRuntimeOptions.EventRetention"/>) and delivered when it starts.</summary>
    QueuedForFutureInstance,

    /// <summary>An event with the same event id was already raised to this instance; this one was dropped.</summary>
    Duplicate,

    /// <summary>The instance has completed, failed or been terminated; the event was dropped (as in Durable Task).</summary>
    InstanceFinished,
}
