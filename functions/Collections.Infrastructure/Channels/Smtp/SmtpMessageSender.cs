using System.Net.Sockets;
using Collections.Invoices;
using Collections.Messaging;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using Collections.Privacy;

namespace Collections.Infrastructure.Channels.Smtp;

/// <summary>Sends email over SMTP (MailKit). The Message-ID is derived from the idempotency key, so a
/// retried send carries the same id and receivers (and we) can recognise the duplicate.</summary>
public sealed class SmtpMessageSender(SmtpSettings settings, TimeProvider timeProvider, ILogger<SmtpMessageSender> logger) : IMessageSender
{
    public async Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Email)
        {
            throw new ArgumentException($"SmtpMessageSender sends email only, not {message.Channel}.", nameof(message));
        }

        using var mime = BuildMime(message);
        var messageId = mime.MessageId ?? throw new InvalidOperationException("The MIME message has no Message-ID.");
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, ToMailKit(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (AuthenticationException e)
        {
            throw new ChannelConfigurationException($"The SMTP server {settings.Host}:{settings.Port} refused the login of '{settings.Username}': {e.Message}", e);
        }
        catch (SmtpCommandException e) when (e.StatusCode >= SmtpStatusCode.MailboxUnavailable || e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            // 5xx replies are permanent (RFC 5321 §4.2.1); 4xx ones fall through as transient.
            throw new MessageRejectedException($"The SMTP server refused the email to {Masked.Email(message.To)} ({(int)e.StatusCode}): {e.Message}", e);
        }
        catch (Exception e) when (e is SocketException or SslHandshakeException)
        {
            throw new IOException($"Could not reach the SMTP server {settings.Host}:{settings.Port}: {e.Message}", e);
        }

        logger.LogInformation("SMTP email to {To} sent as <{MessageId}>", Masked.Email(message.To), messageId);
        return new SendReceipt(messageId, timeProvider.GetUtcNow());
    }

    internal MimeMessage BuildMime(OutgoingMessage message)
    {
        var to = EmailAddresses.Require(message.To, "recipient");
        var from = EmailAddresses.Require(settings.FromAddress, "sender (From) address");
        var mime = new MimeMessage
        {
            Subject = message.Subject ?? string.Empty,
            MessageId = IdempotencyIds.MessageId(message.IdempotencyKey, from.Host),
            Date = timeProvider.GetUtcNow(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName ?? string.Empty, from.Address));
        mime.To.Add(new MailboxAddress(string.Empty, to.Address));
        var replyTo = message.ReplyTo ?? settings.ReplyTo;
        if (replyTo is not null)
        {
            mime.ReplyTo.Add(new MailboxAddress(string.Empty, EmailAddresses.Require(replyTo, "reply-to address").Address));
        }

        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.Name, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
