namespace Collections.Infrastructure.Channels.Acs;

/// <param name="SenderAddress">A MailFrom address of a domain connected to the ACS resource.</param>
/// <param name="ReplyTo">Used when the message has no reply-to of its own.</param>
/// <param name="DefaultPollInterval">Between status polls when the service gives no Retry-After.</param>
/// <param name="MaxPollInterval">Upper bound on any wait between polls, whatever Retry-After says.</param>
/// <param name="MaxPollDuration">Give up polling (transiently) after this; a retry finds the same operation.</param>
public sealed record AcsEmailSettings(
    string SenderAddress,
    string? ReplyTo,
    TimeSpan DefaultPollInterval,
    TimeSpan MaxPollInterval,
    TimeSpan MaxPollDuration);
