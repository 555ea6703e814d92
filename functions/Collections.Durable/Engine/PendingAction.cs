namespace Collections.Durable.Engine;

/// <summary>What orchestrator code asked for: an activity call or a durable timer.</summary>
internal enum ActionKind
{
    CallActivity,
    CreateTimer,
}

/// <summary>An action the code scheduled; new ones are committed at the end of the turn.</summary>
internal sealed record PendingAction(
    int TaskId,
    ActionKind Kind,
    string? Name,
    string? Input,
    DateTime? FireAt,
    ActivityRetryOptions? Retry)
{
    public string Describe() => Kind == ActionKind.CallActivity
        ? $"activity '{Name}' (task {TaskId})"
        : $"timer (task {TaskId})";
}
