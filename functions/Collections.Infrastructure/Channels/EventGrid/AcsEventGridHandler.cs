using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collections.Handlers.Deliveries;
using Collections.Invoices;
using Microsoft.Extensions.Logging;

namespace Collections.Infrastructure.Channels.EventGrid;

/// <summary>Handles Event Grid's POSTs to <c>/api/events/acs</c>: checks the shared secret, answers the
/// subscription handshake, and parses ACS SMS, email and WhatsApp delivery reports and inbound WhatsApp messages (design/ACS.md, "Delivery reports").
/// Applying the reports (dedupe on <see cref="DeliveryReport.EventId"/>, contact log, workflow events) is the caller's job.</summary>
public sealed class AcsEventGridHandler(EventGridOptions options, ILogger<AcsEventGridHandler> logger)
{
    public const string SecretHeader = "x-collections-key";

    private const string ValidationEvent = "Microsoft.EventGrid.SubscriptionValidationEvent";
    private const string SmsDeliveryReport = "Microsoft.Communication.SMSDeliveryReportReceived";
    private const string EmailDeliveryReport = "Microsoft.Communication.EmailDeliveryReportReceived";

    // Advanced Messaging (WhatsApp): learn.microsoft.com/azure/event-grid/communication-services-advanced-messaging-events
    private const string AdvancedMessageStatus = "Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated";
    private const string AdvancedMessageReceived = "Microsoft.Communication.AdvancedMessageReceived";

    private static readonly HashSet<string> DeliveredStatuses = new(StringComparer.OrdinalIgnoreCase) { "Delivered", "Expanded", "Read" };

    private static readonly HashSet<string> FailedStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "Failed", "Bounced", "Suppressed", "Quarantined", "FilteredSpam",
    };

    public AcsEventGridResponse Handle(AcsEventGridRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(options.Secret))
        {
            logger.LogWarning("Event Grid request refused: Collections:Channels:EventGrid:Secret is not configured");
            return AcsEventGridResponse.Refused(401, "Event delivery is not configured (no secret).");
        }

        if (!SecretMatches(request.Code ?? request.Header(SecretHeader), options.Secret))
        {
            return AcsEventGridResponse.Refused(401, "Missing or wrong event subscription secret.");
        }

        // CloudEvents v1.0 webhook validation (abuse protection): an OPTIONS with WebHook-Request-Origin.
        if (string.Equals(request.Method, "OPTIONS", StringComparison.OrdinalIgnoreCase))
        {
            var origin = request.Header("WebHook-Request-Origin");
            return origin is null
                ? AcsEventGridResponse.Refused(400, "OPTIONS without WebHook-Request-Origin.")
                : AcsEventGridResponse.WithHeader("WebHook-Allowed-Origin", origin);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException e)
        {
            return AcsEventGridResponse.Refused(400, $"The body is not JSON: {e.Message}");
        }

        using (document)
        {
            var events = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().ToList()
                : [document.RootElement];
            var validationHeader = string.Equals(request.Header("aeg-event-type"), "SubscriptionValidation", StringComparison.OrdinalIgnoreCase);
            var reports = new List<DeliveryReport>();
            var inbound = new List<InboundMessage>();
            foreach (var item in events)
            {
                var eventType = JsonFields.GetString(item, "eventType") ?? JsonFields.GetString(item, "type");
                JsonFields.TryGet(item, "data", out var data);
                if (validationHeader || string.Equals(eventType, ValidationEvent, StringComparison.OrdinalIgnoreCase))
                {
                    var code = JsonFields.GetString(data, "validationCode");
                    return code is null
                        ? AcsEventGridResponse.Refused(400, "Subscription validation event without data.validationCode.")
                        : AcsEventGridResponse.Json(JsonSerializer.Serialize(new { validationResponse = code }));
                }

                var eventId = JsonFields.GetString(item, "id");
                if (eventId is null)
                {
                    return AcsEventGridResponse.Refused(400, "An event without id.");
                }

                var report = eventType switch
                {
                    _ when string.Equals(eventType, SmsDeliveryReport, StringComparison.OrdinalIgnoreCase) => ReadSms(eventId, data),
                    _ when string.Equals(eventType, EmailDeliveryReport, StringComparison.OrdinalIgnoreCase) => ReadEmail(eventId, data),
                    _ when string.Equals(eventType, AdvancedMessageStatus, StringComparison.OrdinalIgnoreCase) => ReadWhatsAppStatus(eventId, data),
                    _ => null,
                };
                if (string.Equals(eventType, AdvancedMessageReceived, StringComparison.OrdinalIgnoreCase) && ReadWhatsAppReceived(eventId, data) is { } message)
                {
                    inbound.Add(message);
                }
                else if (report is not null)
                {
                    reports.Add(report);
                }
                else
                {
                    logger.LogInformation("Event Grid event {EventId} of type {EventType} ignored", eventId, eventType);
                }
            }

            return AcsEventGridResponse.Accepted(reports, inbound);
        }
    }

    private static DeliveryReport? ReadSms(string eventId, JsonElement data)
    {
        var messageId = JsonFields.GetString(data, "messageId");
        var status = JsonFields.GetString(data, "deliveryStatus");
        var outcome = Outcome(status);
        if (messageId is null || outcome is null)
        {
            return null;
        }

        var to = JsonFields.GetString(data, "to") ?? string.Empty;
        return new DeliveryReport(
            eventId,
            Channel.Sms,
            messageId,
            JsonFields.GetString(data, "tag"),
            to.Length > 0 && char.IsAsciiDigit(to[0]) ? "+" + to : to,
            outcome.Value,
            status!,
            JsonFields.GetString(data, "deliveryStatusDetails"),
            Timestamp(JsonFields.GetString(data, "receivedTimestamp")));
    }

    private static DeliveryReport? ReadEmail(string eventId, JsonElement data)
    {
        var messageId = JsonFields.GetString(data, "messageId");
        var status = JsonFields.GetString(data, "status");
        var outcome = Outcome(status);
        if (messageId is null || outcome is null)
        {
            return null;
        }

        var details = JsonFields.TryGet(data, "deliveryStatusDetails", out var detailsElement)
            ? detailsElement.ValueKind == JsonValueKind.Object ? JsonFields.GetString(detailsElement, "statusMessage") : JsonFields.GetString(data, "deliveryStatusDetails")
            : null;
        return new DeliveryReport(
            eventId,
            Channel.Email,
            messageId,
            null,
            JsonFields.GetString(data, "recipient") ?? string.Empty,
            outcome.Value,
            status!,
            details,
            Timestamp(JsonFields.GetString(data, "deliveryAttemptTimestamp")));
    }

    private static DeliveryReport? ReadWhatsAppStatus(string eventId, JsonElement data)
    {
        var messageId = JsonFields.GetString(data, "messageId");
        var status = JsonFields.GetString(data, "status");
        var outcome = Outcome(status);
        if (messageId is null || outcome is null)
        {
            return null;
        }

        var details = JsonFields.TryGet(data, "error", out var error) && error.ValueKind == JsonValueKind.Object
            ? string.Join(": ", new[] { JsonFields.GetString(error, "channelCode"), JsonFields.GetString(error, "channelMessage") }.OfType<string>())
            : null;
        return new DeliveryReport(
            eventId,
            Channel.WhatsApp,
            messageId,
            null,
            Plus(JsonFields.GetString(data, "to") ?? string.Empty),
            outcome.Value,
            status!,
            string.IsNullOrEmpty(details) ? null : details,
            Timestamp(JsonFields.GetString(data, "receivedTimestamp")));
    }

    /// <summary>A debtor wrote to our WhatsApp number; media messages carry no text and are reported as such.</summary>
    private static InboundMessage? ReadWhatsAppReceived(string eventId, JsonElement data)
    {
        var from = JsonFields.GetString(data, "from");
        if (from is null)
        {
            return null;
        }

        var text = JsonFields.GetString(data, "content");
        return new InboundMessage(
            eventId,
            Channel.WhatsApp,
            Plus(from),
            text ?? "(a message without text, e.g. a photo or document)",
            Timestamp(JsonFields.GetString(data, "receivedTimestamp")));
    }

    private static string Plus(string number) => number.Length > 0 && char.IsAsciiDigit(number[0]) ? "+" + number : number;

    /// <summary>True delivered, false failed, null for a status that is not final (ignored).</summary>
    private static bool? Outcome(string? status) =>
        status is null ? null : DeliveredStatuses.Contains(status) ? true : FailedStatuses.Contains(status) ? false : null;

    private static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>Constant-time comparison of fixed-length hashes, so neither content nor length leaks through timing.</summary>
    private static bool SecretMatches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
