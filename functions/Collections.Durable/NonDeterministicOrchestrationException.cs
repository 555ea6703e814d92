namespace Collections.Durable;

/// <summary>
/// The orchestrator code no longer matches the recorded history of an instance (it schedules a different
/// action than it did before). The runtime fails the instance with this exception's message.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception with a message naming the instance, the expected and the found action.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}
