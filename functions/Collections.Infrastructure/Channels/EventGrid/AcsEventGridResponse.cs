using Collections.Handlers.Deliveries;

namespace Collections.Infrastructure.Channels.EventGrid;

/// <summary>What to answer Event Grid, plus the delivery reports and inbound messages to apply (empty for handshakes and refusals).</summary>
/// <param name="JsonBody">Body to write as <c>application/json</c>, if any.</param>
/// <param name="Headers">Extra response headers (the CloudEvents handshake's <c>WebHook-Allowed-Origin</c>).</param>
public sealed record AcsEventGridResponse(
    int StatusCode,
    string? JsonBody,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<DeliveryReport> Reports,
    IReadOnlyList<InboundMessage> Inbound)
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public static AcsEventGridResponse Refused(int statusCode, string reason) =>
        new(statusCode, System.Text.Json.JsonSerializer.Serialize(new { error = reason }), NoHeaders, [], []);

    public static AcsEventGridResponse Accepted(IReadOnlyList<DeliveryReport> reports, IReadOnlyList<InboundMessage> inbound) =>
        new(200, null, NoHeaders, reports, inbound);

    public static AcsEventGridResponse Json(string body) => new(200, body, NoHeaders, [], []);

    public static AcsEventGridResponse WithHeader(string name, string value) =>
        new(200, null, new Dictionary<string, string> { [name] = value }, [], []);
}
