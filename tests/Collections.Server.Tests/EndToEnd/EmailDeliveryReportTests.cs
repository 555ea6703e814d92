using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collections.Infrastructure.Channels.Outbox;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.EndToEnd;

/// <summary>An email bounce reported by ACS through Event Grid, which names the message only by the send's
/// operation id (no tag), reaches the invoice's real workflow on the real server.</summary>
public sealed class EmailDeliveryReportTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task EmailBounce_WithoutTag_StaffTaskAndTheReminderAgainBySms()
    {
        var invoice = InvoiceJson.Valid("2026-E010");
        invoice["debtor"]!["preferredChannel"] = "email";
        Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(invoice))).StatusCode);
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 5, 18, 0, 0, TimeSpan.Zero));
        var email = Assert.Single(await OutboxAsync());
        Assert.Equal("administratie@korenbloem.example", email.GetProperty("message").GetProperty("to").GetString());

        // The id the channel returned for the send (for ACS Email: the operation id) is all the report carries.
        var bounce = EmailReport("evt-bounce-1", OutboxMessageSender.OutboxId(email.GetProperty("id").GetString()!), "Bounced");
        var first = await PostReportAsync(bounce);
        await server.Driver.RunUntilIdleAsync();
        var redelivered = await PostReportAsync(bounce);
        await server.Driver.RunUntilIdleAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, redelivered.StatusCode));
        var messages = await OutboxAsync();
        Assert.Equal(2, messages.Count);
        Assert.Equal("+31612345678", messages[0].GetProperty("message").GetProperty("to").GetString());
        var timeline = (await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-E010")).GetProperty("timeline").EnumerateArray().ToList();
        var flagged = Assert.Single(timeline, entry => entry.GetProperty("kind").GetString() == "staff-task");
        Assert.Contains("administratie@korenbloem.example could not be delivered (Mailbox does not exist)", flagged.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailBounce_ForAnUnknownMessage_AcceptedAndIgnored()
    {
        var response = await PostReportAsync(EmailReport("evt-unknown-1", "operation-nobody-sent", "Bounced"));
        await server.Driver.RunUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await OutboxAsync());
    }

    private static string EmailReport(string eventId, string messageId, string status) => $$$"""
        [{"id":"{{{eventId}}}","eventType":"Microsoft.Communication.EmailDeliveryReportReceived",
          "data":{"sender":"noreply@collections.example","recipient":"administratie@korenbloem.example","messageId":"{{{messageId}}}",
                  "status":"{{{status}}}","deliveryStatusDetails":{"statusMessage":"Mailbox does not exist"},
                  "deliveryAttemptTimestamp":"2026-03-05T18:01:00Z"}}]
        """;

    private Task<HttpResponseMessage> PostReportAsync(string body) => server.Anonymous.PostAsync(
        $"/api/events/acs?code={RunningServer.EventGridSecret}", new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>The outbox, newest first.</summary>
    private async Task<List<JsonElement>> OutboxAsync() =>
        [.. (await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray()];
}
