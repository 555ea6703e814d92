using System.Text.Json;
using Azure;
using Azure.Core;
using Collections.Invoices;
using Collections.Messaging;
using Microsoft.Extensions.Logging;
using Collections.Privacy;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Sends SMS through ACS: <c>POST {endpoint}/sms?api-version=2021-03-07</c> (design/ACS.md).</summary>
public sealed class AcsSmsSender(
    AcsPipeline acs,
    string from,
    ISmsFirstSentLog firstSentLog,
    TimeProvider timeProvider,
    ILogger<AcsSmsSender> logger) : IMessageSender
{
    public const string ApiVersion = "2021-03-07";

    /// <summary>The service's limit per message (longer texts are split into segments up to this).</summary>
    public const int MaxTextLength = 2048;

    /// <summary>ACS tracks repeatable requests for 5 minutes and answers 412 to an older first-sent time
    /// (learn.microsoft.com/rest/api/communication/repeatable-requests). A retry whose first attempt is older than
    /// this starts afresh with the same request id: ACS can no longer deduplicate it, and a possible repeat of a
    /// reminder is better than one that is never sent. The margin covers clock skew and request time.</summary>
    public static readonly TimeSpan RepeatabilityRenewAfter = TimeSpan.FromMinutes(4);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Sms)
        {
            throw new ArgumentException($"AcsSmsSender sends SMS only, not {message.Channel}.", nameof(message));
        }

        var to = PhoneNumbers164.Normalize(message.To);
        if (string.IsNullOrWhiteSpace(message.Text) || message.Text.Length > MaxTextLength)
        {
            throw new MessageRejectedException($"SMS text must be 1–{MaxTextLength} characters; it has {message.Text?.Length ?? 0}.");
        }

        var requestId = IdempotencyIds.NameBasedGuid("acs-sms", message.IdempotencyKey);
        var firstSent = await firstSentLog.GetOrRenewAsync(message.IdempotencyKey, timeProvider.GetUtcNow(), RepeatabilityRenewAfter, cancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                from,
                smsRecipients = new[]
                {
                    new { to, repeatabilityRequestId = requestId, repeatabilityFirstSent = AcsRequestSigner.FormatDate(firstSent) },
                },
                message = message.Text,
                smsSendOptions = new { enableDeliveryReport = true, tag = message.Tag },
            },
            Json);

        using var request = acs.CreateRequest(RequestMethod.Post, $"sms?api-version={ApiVersion}");
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(body);
        using var response = await acs.Pipeline.SendRequestAsync(request, cancellationToken);
        if (response.Status != 202 && response.Status != 200)
        {
            throw AcsErrors.ToException(response, $"SMS to {Masked.Phone(to)}");
        }

        return ReadRecipientResult(response, to);
    }

    private SendReceipt ReadRecipientResult(Response response, string to)
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        if (!JsonFields.TryGet(document.RootElement, "value", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new RequestFailedException(response.Status, "ACS accepted the SMS request but returned no per-recipient result.");
        }

        foreach (var result in results.EnumerateArray())
        {
            if (!string.Equals(PhoneNumbers164.Digits(JsonFields.GetString(result, "to")), PhoneNumbers164.Digits(to), StringComparison.Ordinal))
            {
                continue;
            }

            var messageId = JsonFields.GetString(result, "messageId");
            if (string.Equals(JsonFields.GetString(result, "repeatabilityResult"), "rejected", StringComparison.OrdinalIgnoreCase))
            {
                // The service has already seen this repeatabilityRequestId: the first attempt was
                // accepted and this retry was not sent again.
                logger.LogInformation("ACS SMS to {To} was already accepted on an earlier attempt (repeatability)", Masked.Phone(to));
                return new SendReceipt(messageId ?? JsonFields.GetString(result, "repeatabilityRequestId") ?? to, timeProvider.GetUtcNow());
            }

            if (JsonFields.GetBoolean(result, "successful") == true && messageId is not null)
            {
                logger.LogInformation("ACS SMS to {To} accepted as {MessageId}", Masked.Phone(to), messageId);
                return new SendReceipt(messageId, timeProvider.GetUtcNow());
            }

            var status = JsonFields.GetInt32(result, "httpStatusCode") ?? 0;
            var error = JsonFields.GetString(result, "errorMessage") ?? "no error message";
            if (status is >= 400 and < 500 and not 408 and not 429)
            {
                throw new MessageRejectedException($"ACS refused the SMS to {Masked.Phone(to)} (recipient status {status}): {error}");
            }

            throw new RequestFailedException(status, $"ACS could not send the SMS to {Masked.Phone(to)} now (recipient status {status}): {error}");
        }

        throw new RequestFailedException(response.Status, $"ACS returned no result for recipient {Masked.Phone(to)}.");
    }
}
