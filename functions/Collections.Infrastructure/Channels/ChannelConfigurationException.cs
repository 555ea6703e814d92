namespace Collections.Infrastructure.Channels;

/// <summary>A channel is misconfigured (wrong key, missing role, bad SMTP login): an operator must act;
/// retrying the activity only helps once the configuration is fixed.</summary>
public sealed class ChannelConfigurationException : Exception
{
    public ChannelConfigurationException(string message)
        : base(message)
    {
    }

    public ChannelConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChannelConfigurationException()
    {
    }
}
