using Collections.Infrastructure.Channels.Smtp;

namespace Collections.Infrastructure.Channels;

/// <summary>Configuration section <c>Collections:Channels</c>. With nothing configured every message goes to the outbox.</summary>
public sealed class ChannelsOptions
{
    public const string SectionName = "Collections:Channels";

    public SmsChannelOptions Sms { get; set; } = new();

    public EmailChannelOptions Email { get; set; } = new();

    public WhatsAppChannelOptions WhatsApp { get; set; } = new();

    public EventGridOptions EventGrid { get; set; } = new();
}

public enum SmsProvider
{
    Outbox,
    Acs,
}

public enum EmailProvider
{
    Outbox,
    Acs,
    Smtp,
}

public sealed class SmsChannelOptions
{
    public SmsProvider Provider { get; set; } = SmsProvider.Outbox;

    /// <summary>The ACS number (E.164) or alphanumeric sender id the SMS comes from.</summary>
    public string? From { get; set; }

    public AcsOptions Acs { get; set; } = new();

    /// <summary>SQLite connection string for the durable repeatability log (e.g. <c>Data Source=data/collections.db</c>),
    /// so an SMS retried after a restart is still recognised by ACS. Without it the log lives in memory.</summary>
    public string? RepeatabilityDatabase { get; set; }
}

public sealed class EmailChannelOptions
{
    public EmailProvider Provider { get; set; } = EmailProvider.Outbox;

    /// <summary>The sender address (for ACS a MailFrom address of a connected domain).</summary>
    public string? From { get; set; }

    /// <summary>Display name next to the sender address (SMTP; ACS takes it from the domain's sender settings).</summary>
    public string? FromName { get; set; }

    public string? ReplyTo { get; set; }

    public AcsOptions Acs { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>ACS email: give up waiting for the send operation after this (a retry resumes it).</summary>
    public TimeSpan MaxPollDuration { get; set; } = TimeSpan.FromMinutes(5);
}

public enum WhatsAppProvider
{
    Outbox,
    Acs,
}

/// <summary>WhatsApp through ACS Advanced Messaging: a WhatsApp Business account connected to the ACS resource
/// as a channel (docs/whatsapp.md).</summary>
public sealed class WhatsAppChannelOptions
{
    public WhatsAppProvider Provider { get; set; } = WhatsAppProvider.Outbox;

    /// <summary>The channel registration id of the WhatsApp Business account on the ACS resource
    /// (Azure portal: Communication Services → Channels).</summary>
    public Guid? ChannelRegistrationId { get; set; }

    public AcsOptions Acs { get; set; } = new();
}

/// <summary>An ACS resource: either a connection string (access key) or an endpoint with Entra ID (managed identity).</summary>
public sealed class AcsOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>With no connection string: the resource endpoint, authenticated with Entra ID.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one or a developer login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public int MaxRetries { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Event Grid delivery reports posted to <c>/api/events/acs?code=&lt;Secret&gt;</c>.</summary>
public sealed class EventGridOptions
{
    /// <summary>Shared secret Event Grid must present (query <c>code</c> or header <c>x-collections-key</c>);
    /// without one every request is refused.</summary>
    public string? Secret { get; set; }
}
