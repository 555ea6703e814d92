namespace Collections.Infrastructure.Channels.Smtp;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, else plain (MailKit's choice per port).</summary>
    Auto,

    /// <summary>Plain text: only for a relay on the same host or a test server.</summary>
    None,

    /// <summary>Upgrade with STARTTLS (usually port 587); fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
