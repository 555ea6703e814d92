using Collections.Invoices;
using Collections.Messaging;

namespace Collections.Infrastructure.Channels;

/// <summary>The <see cref="IMessageSender"/> the app uses: hands each message to the sender configured for its channel.</summary>
public sealed class RoutingMessageSender(IMessageSender sms, IMessageSender email, IMessageSender whatsApp) : IMessageSender
{
    public IMessageSender Sms { get; } = sms;

    public IMessageSender Email { get; } = email;

    public IMessageSender WhatsApp { get; } = whatsApp;

    public Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Channel switch
        {
            Channel.Sms => Sms.SendAsync(message, cancellationToken),
            Channel.Email => Email.SendAsync(message, cancellationToken),
            Channel.WhatsApp => WhatsApp.SendAsync(message, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Channel, "Unknown channel."),
        };
    }
}
