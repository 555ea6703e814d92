namespace Collections.Infrastructure.Channels.Smtp;

public sealed record SmtpSettings(
    string Host,
    int Port,
    SmtpSecurity Security,
    string? Username,
    string? Password,
    string FromAddress,
    string? FromName,
    string? ReplyTo,
    TimeSpan Timeout);
