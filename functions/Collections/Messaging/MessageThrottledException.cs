namespace Collections.Messaging;

/// <summary>The provider answered 429 (too many requests) even after its client's own retries: nothing was sent;
/// send again after <see cref="RetryAfter"/> (its <c>Retry-After</c>, when it gave one).</summary>
public sealed class MessageThrottledException : Exception
{
    public MessageThrottledException(string message, TimeSpan? retryAfter)
        : base(message) => RetryAfter = retryAfter;

    public MessageThrottledException(string message)
        : base(message)
    {
    }

    public MessageThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageThrottledException()
    {
    }

    public TimeSpan? RetryAfter { get; }
}
