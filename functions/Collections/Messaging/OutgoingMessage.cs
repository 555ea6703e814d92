using Collections.Invoices;

namespace Collections.Messaging;

/// <summary>A fully rendered message, ready for a channel.</summary>
/// <param name="IdempotencyKey">Stable across retries of the same send (instance id + task id):
/// channels use it so a retried activity never sends twice.</param>
/// <param name="To">E.164 phone number for SMS and WhatsApp, an email address for email.</param>
/// <param name="Tag">Correlates delivery reports with the workflow (the workflow instance id).</param>
/// <param name="Template">WhatsApp outside the free-text window: the approved template to send instead of <c>Text</c>.</param>
public sealed record OutgoingMessage(
    string IdempotencyKey,
    Channel Channel,
    string To,
    string? Subject,
    string Text,
    string? Html,
    string Tag,
    string? ReplyTo = null,
    IReadOnlyList<MessageAttachment>? Attachments = null,
    TemplateMessage? Template = null);

public sealed record MessageAttachment(string Name, string ContentType, byte[] Content);
