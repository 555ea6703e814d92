namespace Collections.Messages;

/// <summary>No template exists for the requested kind, tone, channel and language.</summary>
public sealed class MessageTemplateNotFoundException : Exception
{
    public MessageTemplateNotFoundException(string message)
        : base(message)
    {
    }

    public MessageTemplateNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageTemplateNotFoundException()
    {
    }
}
