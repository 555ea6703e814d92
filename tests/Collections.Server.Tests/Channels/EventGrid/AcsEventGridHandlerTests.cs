using System.Text;
using System.Text.Json.Nodes;
using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Channels.EventGrid;
using Collections.Invoices;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Server.Tests.Channels.EventGrid;

public sealed class AcsEventGridHandlerTests
{
    private const string Secret = "event-secret-7f3a";
    private readonly AcsEventGridHandler handler = new(new EventGridOptions { Secret = Secret }, NullLogger<AcsEventGridHandler>.Instance);

    [Fact]
    public void Handle_SubscriptionValidation_EchoesTheValidationCode()
    {
        const string body = """
            [{"id":"2d1781af","topic":"/subscriptions/x","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
              "data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net/x"},
              "eventTime":"2025-03-14T09:30:00Z","dataVersion":"1","metadataVersion":"1"}]
            """;

        var response = handler.Handle(Request(body, headers: new() { ["aeg-event-type"] = "SubscriptionValidation" }));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (string?)JsonNode.Parse(response.JsonBody!)!["validationResponse"]);
        Assert.Empty(response.Reports);
    }

    [Fact]
    public void Handle_ValidationEventWithoutHeaderAndOtherCasing_StillAnswered()
    {
        const string body = """[{"Id":"1","EventType":"microsoft.eventgrid.subscriptionvalidationevent","Data":{"ValidationCode":"abc"}}]""";

        var response = handler.Handle(Request(body));

        Assert.Equal("""{"validationResponse":"abc"}""", response.JsonBody);
    }

    [Fact]
    public void Handle_SmsDeliveryReports_ParsesOutcomesWithIdsAndTags()
    {
        const string body = """
            [{"id":"evt-1","eventType":"Microsoft.Communication.SMSDeliveryReportReceived","subject":"/phonenumber/31850001234",
              "data":{"MessageId":"Outgoing_20250314_a","From":"31850001234","To":"31612345678","DeliveryStatus":"Delivered",
                      "DeliveryStatusDetails":"No error.","ReceivedTimestamp":"2025-03-14T09:31:02.5+00:00","Tag":"invoice-2024-001",
                      "DeliveryAttempts":[{"Timestamp":"2025-03-14T09:31:01Z","SegmentsSucceeded":1,"SegmentsFailed":0}]}},
             {"id":"evt-2","eventType":"Microsoft.Communication.SMSDeliveryReportReceived",
              "data":{"messageId":"Outgoing_20250314_b","to":"+31687654321","deliveryStatus":"Failed",
                      "deliveryStatusDetails":"Recipient unreachable","receivedTimestamp":"2025-03-14T09:32:00Z","tag":"invoice-2024-002"}}]
            """;

        var response = handler.Handle(Request(body));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            [
                new DeliveryReport("evt-1", Channel.Sms, "Outgoing_20250314_a", "invoice-2024-001", "+31612345678", true, "Delivered", "No error.",
                    new DateTimeOffset(2025, 3, 14, 9, 31, 2, 500, TimeSpan.Zero)),
                new DeliveryReport("evt-2", Channel.Sms, "Outgoing_20250314_b", "invoice-2024-002", "+31687654321", false, "Failed", "Recipient unreachable",
                    new DateTimeOffset(2025, 3, 14, 9, 32, 0, TimeSpan.Zero)),
            ],
            response.Reports);
    }

    [Theory]
    [InlineData("Delivered", true)]
    [InlineData("Expanded", true)]
    [InlineData("Failed", false)]
    [InlineData("Bounced", false)]
    [InlineData("Suppressed", false)]
    [InlineData("Quarantined", false)]
    [InlineData("FilteredSpam", false)]
    [InlineData("bounced", false)]
    public void Handle_EmailDeliveryReport_MapsStatusToOutcome(string status, bool delivered)
    {
        var body = $$$"""
            [{"id":"evt-9","eventType":"Microsoft.Communication.EmailDeliveryReportReceived",
              "data":{"sender":"DoNotReply@mail.contoso.example","recipient":"debtor@example.org","messageId":"6f7e2c4a-0000-4000-8000-000000000001",
                      "internetMessageId":"<x@contoso>","status":"{{{status}}}","deliveryStatusDetails":{"statusMessage":"details here"},
                      "deliveryAttemptTimestamp":"2025-03-14T09:40:00Z"}}]
            """;

        var report = Assert.Single(handler.Handle(Request(body)).Reports);

        Assert.Equal(
            new DeliveryReport("evt-9", Channel.Email, "6f7e2c4a-0000-4000-8000-000000000001", null, "debtor@example.org", delivered, status, "details here",
                new DateTimeOffset(2025, 3, 14, 9, 40, 0, TimeSpan.Zero)),
            report);
    }

    [Fact]
    public void Handle_OtherEventsAndNonFinalStatuses_AreAcknowledgedAndIgnored()
    {
        const string body = """
            [{"id":"a","eventType":"Microsoft.Communication.SMSReceived","data":{"messageId":"m","from":"+31612345678","to":"+31850001234","message":"ok"}},
             {"id":"b","eventType":"Microsoft.Communication.EmailDeliveryReportReceived","data":{"messageId":"m2","recipient":"x@example.org","status":"Pending"}}]
            """;

        var response = handler.Handle(Request(body));

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Reports);
    }

    [Fact]
    public void Handle_SecretInHeader_IsAccepted()
    {
        var response = handler.Handle(Request("[]", code: null, headers: new() { [AcsEventGridHandler.SecretHeader] = Secret }));

        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("event-secret-7f3b")]
    [InlineData("event-secret-7f3a ")]
    public void Handle_MissingOrWrongSecret_Returns401WithoutParsing(string? code)
    {
        var response = handler.Handle(Request("""[{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}}]""", code: code));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(response.Reports);
        Assert.DoesNotContain("abc", response.JsonBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_NoSecretConfigured_RefusesEverything()
    {
        var unconfigured = new AcsEventGridHandler(new EventGridOptions(), NullLogger<AcsEventGridHandler>.Instance);

        Assert.Equal(401, unconfigured.Handle(Request("[]", code: "")).StatusCode);
    }

    [Fact]
    public void Handle_MalformedBody_Returns400()
    {
        Assert.Equal(400, handler.Handle(Request("[{not json")).StatusCode);
        Assert.Equal(400, handler.Handle(Request("""[{"eventType":"Microsoft.Communication.SMSDeliveryReportReceived","data":{}}]""")).StatusCode);
    }

    [Fact]
    public void Handle_CloudEventsOptionsHandshake_AllowsTheOrigin()
    {
        var response = handler.Handle(Request(string.Empty, method: "OPTIONS", headers: new() { ["webhook-request-origin"] = "eventgrid.azure.net" }));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", response.Headers["WebHook-Allowed-Origin"]);
    }

    private static AcsEventGridRequest Request(string body, string? code = Secret, string method = "POST", Dictionary<string, string>? headers = null)
    {
        var caseInsensitive = new Dictionary<string, string>(headers ?? [], StringComparer.OrdinalIgnoreCase);
        return new AcsEventGridRequest(method, name => caseInsensitive.GetValueOrDefault(name), code, Encoding.UTF8.GetBytes(body));
    }
}
