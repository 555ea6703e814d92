using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Infrastructure.Channels.Outbox;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.EndToEnd;

/// <summary>WhatsApp status and inbound events from ACS Advanced Messaging, posted by Event Grid to the real server, reach
/// the invoice's real workflow and the debtor's contact log. The debtor prefers WhatsApp and opted in on the invoice.</summary>
public sealed class WhatsAppEventTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task WhatsAppFailed_StaffTaskAndTheReminderAgainBySms()
    {
        var whatsApp = await FirstReminderAsync("2026-W010");
        Assert.Equal("collections_reminder_friendly", whatsApp.GetProperty("message").GetProperty("template").GetProperty("name").GetString());

        var failed = Status("evt-failed-1", OutboxMessageSender.OutboxId(whatsApp.GetProperty("id").GetString()!), "failed");
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(failed)).StatusCode);
        await server.Driver.RunUntilIdleAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(failed)).StatusCode);
        await server.Driver.RunUntilIdleAsync();

        var messages = await OutboxAsync();
        Assert.Equal(2, messages.Count);
        Assert.Equal("sms", messages[0].GetProperty("message").GetProperty("channel").GetString());
        var timeline = await TimelineAsync("2026-W010");
        var flagged = Assert.Single(timeline, entry => entry.GetProperty("kind").GetString() == "staff-task");
        Assert.Contains("whatsapp to +31612345678 could not be delivered (131026: Message undeliverable)", flagged.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsAppDeliveredAndRead_NothingChanges()
    {
        var whatsApp = await FirstReminderAsync("2026-W011");
        var id = OutboxMessageSender.OutboxId(whatsApp.GetProperty("id").GetString()!);

        await PostEventsAsync(Status("evt-d", id, "delivered"));
        await PostEventsAsync(Status("evt-r", id, "read"));
        await server.Driver.RunUntilIdleAsync();

        Assert.Single(await OutboxAsync());
        Assert.DoesNotContain(await TimelineAsync("2026-W011"), entry => entry.GetProperty("kind").GetString() == "staff-task");
    }

    [Fact]
    public async Task DebtorRepliesOnWhatsApp_TheDebtorWroteWithItsText_OnceEvenWhenRedelivered()
    {
        await FirstReminderAsync("2026-W012");
        var reply = Received("evt-in-1", "31612345678", "Excuses, ik betaal vrijdag <3", new DateTimeOffset(2026, 3, 5, 19, 12, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(reply)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(reply)).StatusCode);

        var wrote = Assert.Single(await TimelineAsync("2026-W012"), entry => entry.GetProperty("kind").GetString() == "debtor-wrote");
        Assert.Equal("The debtor wrote (per WhatsApp): Excuses, ik betaal vrijdag <3", wrote.GetProperty("summary").GetString());
        var stored = Assert.Single(await server.Store.ListContactsOfDebtorAsync("debtor-17", CancellationToken.None), entry => entry.Kind == "debtor-wrote");
        Assert.Equal("Excuses, ik betaal vrijdag <3", stored.Text);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 19, 12, 0, TimeSpan.Zero), stored.At);
    }

    [Fact]
    public async Task MessageFromANumberWeNeverWrote_AcceptedAndNotRouted()
    {
        var response = await PostEventsAsync(Received("evt-in-2", "31687654321", "Wie is dit?", new DateTimeOffset(2026, 3, 5, 19, 0, 0, TimeSpan.Zero)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await server.Store.ListContactsOfDebtorAsync("debtor-17", CancellationToken.None));
    }

    /// <summary>Posts the invoice and runs to the first reminder, which goes by WhatsApp (the outbox stands in for ACS).</summary>
    private async Task<JsonElement> FirstReminderAsync(string number)
    {
        var invoice = InvoiceJson.Valid(number);
        invoice["debtor"]!["preferredChannel"] = "whatsapp";
        invoice["debtor"]!["whatsAppOptIn"] = new JsonObject { ["at"] = "2026-01-10T09:30:00+01:00", ["source"] = "accounting-system" };
        Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(invoice))).StatusCode);
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 5, 18, 0, 0, TimeSpan.Zero));
        var message = Assert.Single(await OutboxAsync());
        Assert.Equal("whatsapp", message.GetProperty("message").GetProperty("channel").GetString());
        Assert.Equal("+31612345678", message.GetProperty("message").GetProperty("to").GetString());
        return message;
    }

    private static string Status(string eventId, string messageId, string status) => $$$"""
        [{"id":"{{{eventId}}}","eventType":"Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated",
          "subject":"advancedMessage/sender/7d0e3a5c/recipient/31612345678","dataVersion":"1.0","eventTime":"2026-03-05T18:01:00Z",
          "data":{"messageId":"{{{messageId}}}","status":"{{{status}}}","channelType":"whatsapp","from":"7d0e3a5c","to":"31612345678",
                  "receivedTimestamp":"2026-03-05T18:01:00Z"{{{(status == "failed" ? ""","error":{"channelCode":"131026","channelMessage":"Message undeliverable"}""" : "")}}}}}]
        """;

    private static string Received(string eventId, string from, string content, DateTimeOffset at) => $$$"""
        [{"id":"{{{eventId}}}","eventType":"Microsoft.Communication.AdvancedMessageReceived",
          "subject":"advancedMessage/sender/{{{from}}}/recipient/7d0e3a5c","dataVersion":"1.0","eventTime":"{{{at.ToString("O", CultureInfo.InvariantCulture)}}}",
          "data":{"content":{{{JsonSerializer.Serialize(content)}}},"channelType":"whatsapp","from":"{{{from}}}","to":"7d0e3a5c",
                  "receivedTimestamp":"{{{at.ToString("O", CultureInfo.InvariantCulture)}}}"}}]
        """;

    private Task<HttpResponseMessage> PostEventsAsync(string body) => server.Anonymous.PostAsync(
        $"/api/events/acs?code={RunningServer.EventGridSecret}", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<List<JsonElement>> TimelineAsync(string number) =>
        [.. (await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{number}")).GetProperty("timeline").EnumerateArray()];

    /// <summary>The outbox, newest first.</summary>
    private async Task<List<JsonElement>> OutboxAsync() =>
        [.. (await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray()];
}
