namespace Collections.Storage;

/// <summary>An update lost an optimistic-concurrency race: re-read and try again.</summary>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException(string message)
        : base(message)
    {
    }

    public StoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreConflictException()
    {
    }
}
