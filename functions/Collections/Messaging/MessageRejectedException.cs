namespace Collections.Messaging;

/// <summary>The provider refused the message permanently (bad recipient, invalid content):
/// retrying will not help, the workflow should switch channel or flag the contact data.</summary>
public sealed class MessageRejectedException : Exception
{
    public MessageRejectedException(string message)
        : base(message)
    {
    }

    public MessageRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageRejectedException()
    {
    }
}
