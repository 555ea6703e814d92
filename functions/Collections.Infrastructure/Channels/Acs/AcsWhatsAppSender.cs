using System.Text.Json;
using Azure;
using Azure.Core;
using Collections.Invoices;
using Collections.Messaging;
using Microsoft.Extensions.Logging;
using Collections.Privacy;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Sends WhatsApp messages through ACS Advanced Messaging: <c>POST {endpoint}/messages/notifications:send</c>
/// (Azure/azure-rest-api-specs, specification/communication/data-plane/Messages/stable/2024-02-01). A message with a
/// <see cref="OutgoingMessage.Template"/> goes as an approved template (kind <c>template</c>, its values bound to the
/// body in order); one without as free text (kind <c>text</c>), which WhatsApp delivers only within 24 hours after the
/// debtor wrote to us. Retries carry the same <c>Repeatability-Request-ID</c> and <c>Repeatability-First-Sent</c> headers.</summary>
public sealed class AcsWhatsAppSender(
    AcsPipeline acs,
    Guid channelRegistrationId,
    ISmsFirstSentLog firstSentLog,
    TimeProvider timeProvider,
    ILogger<AcsWhatsAppSender> logger) : IMessageSender
{
    public const string ApiVersion = "2024-02-01";

    /// <summary>WhatsApp's limit for a text message body (developers.facebook.com/docs/whatsapp/cloud-api/reference/messages, text object).</summary>
    public const int MaxTextLength = 4096;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.WhatsApp)
        {
            throw new ArgumentException($"AcsWhatsAppSender sends WhatsApp only, not {message.Channel}.", nameof(message));
        }

        var to = PhoneNumbers164.Normalize(message.To);
        if (message.Template is null && (string.IsNullOrWhiteSpace(message.Text) || message.Text.Length > MaxTextLength))
        {
            throw new MessageRejectedException($"WhatsApp text must be 1–{MaxTextLength} characters; it has {message.Text?.Length ?? 0}.");
        }

        var requestId = IdempotencyIds.NameBasedGuid("acs-whatsapp", message.IdempotencyKey);
        var firstSent = await firstSentLog.GetOrRenewAsync("whatsapp:" + message.IdempotencyKey, timeProvider.GetUtcNow(), AcsSmsSender.RepeatabilityRenewAfter, cancellationToken);
        using var request = acs.CreateRequest(RequestMethod.Post, $"messages/notifications:send?api-version={ApiVersion}");
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Headers.SetValue("Repeatability-Request-ID", requestId.ToString());
        request.Headers.SetValue("Repeatability-First-Sent", AcsRequestSigner.FormatDate(firstSent));
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(Body(message, to), Json));
        using var response = await acs.Pipeline.SendRequestAsync(request, cancellationToken);
        if (response.Status != 202 && response.Status != 200)
        {
            throw AcsErrors.ToException(response, $"WhatsApp message to {Masked.Phone(to)}");
        }

        var messageId = ReadMessageId(response, to)
            ?? throw new RequestFailedException(response.Status, $"ACS accepted the WhatsApp message to {Masked.Phone(to)} but returned no receipt for it.");
        logger.LogInformation("ACS WhatsApp {Kind} to {To} accepted as {MessageId}", message.Template is null ? "text" : message.Template.Name, Masked.Phone(to), messageId);
        return new SendReceipt(messageId, timeProvider.GetUtcNow());
    }

    private object Body(OutgoingMessage message, string to)
    {
        if (message.Template is not { } template)
        {
            return new { channelRegistrationId, to = new[] { to }, kind = "text", content = message.Text };
        }

        var names = template.Values.Select((_, index) => $"p{index + 1}").ToList();
        return new
        {
            channelRegistrationId,
            to = new[] { to },
            kind = "template",
            template = new
            {
                name = template.Name,
                language = template.Language,
                values = template.Values.Select((value, index) => new { kind = "text", name = names[index], text = value }),
                bindings = new { kind = "whatsApp", body = names.Select(name => new { refValue = name }) },
            },
        };
    }

    private static string? ReadMessageId(Response response, string to)
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        if (!JsonFields.TryGet(document.RootElement, "receipts", out var receipts) || receipts.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return receipts.EnumerateArray()
            .Where(receipt => PhoneNumbers164.Digits(JsonFields.GetString(receipt, "to")) == PhoneNumbers164.Digits(to))
            .Select(receipt => JsonFields.GetString(receipt, "messageId"))
            .FirstOrDefault(id => id is not null);
    }
}
