using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Core;
using Collections.Invoices;
using Collections.Messaging;
using Microsoft.Extensions.Logging;
using Collections.Privacy;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Sends email through ACS: <c>POST {endpoint}/emails:send?api-version=2023-03-31</c> with an
/// <c>Operation-Id</c> derived from the idempotency key, then polls the operation to its final status.</summary>
public sealed class AcsEmailSender(
    AcsPipeline acs,
    AcsEmailSettings settings,
    TimeProvider timeProvider,
    ILogger<AcsEmailSender> logger) : IMessageSender
{
    public const string ApiVersion = "2023-03-31";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Email)
        {
            throw new ArgumentException($"AcsEmailSender sends email only, not {message.Channel}.", nameof(message));
        }

        EmailAddresses.Require(message.To, "recipient");
        var replyTo = message.ReplyTo ?? settings.ReplyTo;
        if (replyTo is not null)
        {
            EmailAddresses.Require(replyTo, "reply-to address");
        }

        var operationId = IdempotencyIds.NameBasedGuid("acs-email", message.IdempotencyKey).ToString();
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                senderAddress = settings.SenderAddress,
                recipients = new { to = new[] { new { address = message.To } } },
                content = new { subject = message.Subject ?? string.Empty, plainText = message.Text, html = message.Html },
                replyTo = replyTo is null ? null : new[] { new { address = replyTo } },
                attachments = message.Attachments?.Select(a => new { name = a.Name, contentType = a.ContentType, contentInBase64 = Convert.ToBase64String(a.Content) }).ToArray(),
                userEngagementTrackingDisabled = true,
            },
            Json);

        using var request = acs.CreateRequest(RequestMethod.Post, $"emails:send?api-version={ApiVersion}");
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Headers.SetValue("Operation-Id", operationId);
        request.Content = RequestContent.Create(body);

        Uri operationUri;
        TimeSpan? retryAfter;
        using (var response = await acs.Pipeline.SendRequestAsync(request, cancellationToken))
        {
            if (response.Status == 409)
            {
                // The service already has an operation with this Operation-Id (an earlier attempt got through
                // but its answer was lost): follow that operation instead of sending again.
                logger.LogInformation("ACS already has email operation {OperationId} to {To}; polling it", operationId, Masked.Email(message.To));
            }
            else if (response.Status != 202 && response.Status != 200)
            {
                throw AcsErrors.ToException(response, $"email to {Masked.Email(message.To)}");
            }

            operationUri = response.Headers.TryGetValue("Operation-Location", out var location) && Uri.TryCreate(location, UriKind.Absolute, out var parsed)
                ? parsed
                : new Uri($"{acs.Endpoint.AbsoluteUri.TrimEnd('/')}/emails/operations/{operationId}?api-version={ApiVersion}");
            retryAfter = RetryAfter(response);
        }

        logger.LogInformation("ACS accepted the email to {To} as operation {OperationId}", Masked.Email(message.To), operationId);
        return await PollAsync(operationUri, operationId, retryAfter, message.To, cancellationToken);
    }

    private async Task<SendReceipt> PollAsync(Uri operationUri, string operationId, TimeSpan? retryAfter, string to, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + settings.MaxPollDuration;
        while (true)
        {
            var wait = Clamp(retryAfter ?? settings.DefaultPollInterval);
            if (timeProvider.GetUtcNow() + wait > deadline)
            {
                // Transient: a retry sends the same Operation-Id, finds the same operation and polls on.
                throw new TimeoutException($"ACS email operation {operationId} to {Masked.Email(to)} was not final after {settings.MaxPollDuration}.");
            }

            await Task.Delay(wait, timeProvider, cancellationToken);

            using var request = acs.CreateRequest(RequestMethod.Get, operationUri);
            using var response = await acs.Pipeline.SendRequestAsync(request, cancellationToken);
            if (response.Status != 200)
            {
                throw AcsErrors.ToException(response, $"email status poll for {Masked.Email(to)}");
            }

            using var document = JsonDocument.Parse(response.Content.ToMemory());
            var status = JsonFields.GetString(document.RootElement, "status");
            switch (status?.ToUpperInvariant())
            {
                case "SUCCEEDED":
                    logger.LogInformation("ACS email operation {OperationId} to {To} succeeded", operationId, Masked.Email(to));
                    return new SendReceipt(operationId, timeProvider.GetUtcNow());
                case "FAILED":
                case "CANCELED":
                case "CANCELLED":
                    var error = JsonFields.TryGet(document.RootElement, "error", out var e)
                        ? $"{JsonFields.GetString(e, "code")}: {JsonFields.GetString(e, "message")}"
                        : "no error details";
                    throw new MessageRejectedException($"ACS could not send the email to {Masked.Email(to)} (operation {operationId} {status}): {error}");
                default:
                    retryAfter = RetryAfter(response);
                    break;
            }
        }
    }

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.MaxPollInterval ? settings.MaxPollInterval : wait;

    private static TimeSpan? RetryAfter(Response response) =>
        response.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
