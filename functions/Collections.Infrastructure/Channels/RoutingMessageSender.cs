using Collections.Invoices;
using Collections.Messaging;

namespace Collections.Infrastructure.Channels;

/// <summary>The <see cref="IMessageSender"/> the app uses: hands each message to the sender configured for its channel.</summary>
public sealed class RoutingMessageSender(IMessageSender sms, IMessageSender email) : IMessageSender
{
    public IMessageSender Sms { get; } = sms;

    public IMessageSender Email { get; } = email;

    public Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Channel switch
        {
            Channel.Sms => Sms.SendAsync(message, cancellationToken),
            Channel.Email => Email.SendAsync(message, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Channel, "Unknown channel."),
        };
    }
}
