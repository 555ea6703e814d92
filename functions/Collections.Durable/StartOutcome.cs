namespace Collections.Durable;

/// <summary>The result of <see cref="DurableClient.StartAsync"/>.</summary>
public enum StartOutcome
{
    /// <summary>A new instance was created (or a finished one restarted with a fresh history).</summary>
    Started,

    /// <summary>An instance with that id is Pending, Running or Suspended; nothing changed. Idempotent callers treat this as success.</summary>
    AlreadyExists,
}
