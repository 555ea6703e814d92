using Azure;
using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Channels.Acs;
using Collections.Invoices;
using Collections.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Server.Tests.Channels.Acs;

public sealed class AcsWhatsAppSenderTests : IAsyncLifetime
{
    private const string Debtor = "+31612345678";
    private static readonly TemplateMessage Reminder = new("collections_reminder_friendly", "nl", ["Jan Jansen", "F2026-0042", "€ 1.250,00"], "Beste Jan Jansen, …");
    private FakeAcsServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FakeAcsServer.StartAsync();
        server.ApprovedTemplates["collections_reminder_friendly:nl"] = 3;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task SendAsync_Template_SignedRequestWithValuesBoundToTheBodyInOrder()
    {
        var receipt = await Sender().SendAsync(WhatsApp("inv-1:task-1", Reminder), CancellationToken.None);

        var request = Assert.Single(server.Received);
        Assert.Equal("/messages/notifications:send?api-version=2024-02-01", request.RawTarget);
        Assert.Equal(IdempotencyIds.NameBasedGuid("acs-whatsapp", "inv-1:task-1").ToString(), request.Header("Repeatability-Request-ID"));
        var sent = Assert.Single(server.SentWhatsApp);
        Assert.Equal(server.WhatsAppChannelId.ToString(), (string?)sent["channelRegistrationId"]);
        Assert.Equal(Debtor, (string?)sent["to"]![0]);
        Assert.Equal("template", (string?)sent["kind"]);
        Assert.Equal("collections_reminder_friendly", (string?)sent["template"]!["name"]);
        Assert.Equal(["Jan Jansen", "F2026-0042", "€ 1.250,00"], sent["template"]!["values"]!.AsArray().Select(value => (string?)value!["text"]));
        Assert.Equal(
            sent["template"]!["values"]!.AsArray().Select(value => (string?)value!["name"]),
            sent["template"]!["bindings"]!["body"]!.AsArray().Select(binding => (string?)binding!["refValue"]));
        Assert.True(Guid.TryParse(receipt.ProviderMessageId, out _));
    }

    [Fact]
    public async Task SendAsync_FreeText_SendsKindTextWithTheContent()
    {
        await Sender().SendAsync(WhatsApp("k", template: null), CancellationToken.None);

        var sent = Assert.Single(server.SentWhatsApp);
        Assert.Equal("text", (string?)sent["kind"]);
        Assert.Equal("Dank voor uw bericht. Betalen kan via https://pay.example/F2026-0042", (string?)sent["content"]);
    }

    [Fact]
    public async Task SendAsync_503AfterTheServiceSentIt_RetryIsRecognisedNotSentTwice()
    {
        server.FailNext(2, 503, afterProcessing: true);

        var receipt = await Sender().SendAsync(WhatsApp("k", Reminder), CancellationToken.None);

        Assert.Equal(3, server.Received.Count);
        Assert.Single(server.Received.Select(received => received.Header("Repeatability-Request-ID")).Distinct());
        Assert.Single(server.Received.Select(received => received.Header("Repeatability-First-Sent")).Distinct());
        Assert.Single(server.SentWhatsApp);
        Assert.True(Guid.TryParse(receipt.ProviderMessageId, out _));
    }

    [Fact]
    public async Task SendAsync_429ThenAccepted_IsRetriedAndSentOnce()
    {
        server.FailNext(1, 429, retryAfterSeconds: 0);

        await Sender().SendAsync(WhatsApp("k", Reminder), CancellationToken.None);

        Assert.Equal(2, server.Received.Count);
        Assert.Single(server.SentWhatsApp);
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableThroughAllRetries_ThrowsTransient()
    {
        server.FailNext(10, 500);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Sender(maxRetries: 2).SendAsync(WhatsApp("k", Reminder), CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.Equal(3, server.Received.Count);
        Assert.Empty(server.SentWhatsApp);
    }

    [Fact]
    public async Task SendAsync_TemplateNotApproved_ThrowsMessageRejected_SoTheWorkflowFallsBack()
    {
        var error = await Assert.ThrowsAsync<MessageRejectedException>(
            () => Sender().SendAsync(WhatsApp("k", Reminder with { Name = "collections_unknown" }), CancellationToken.None));

        Assert.Contains("not an approved template", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task SendAsync_WrongAccessKey_ThrowsConfigurationError()
    {
        var wrongKey = $"endpoint={server.Endpoint};accesskey={Convert.ToBase64String("not-the-key"u8.ToArray())}";
        var sender = new AcsWhatsAppSender(
            AcsPipeline.FromConnectionString(wrongKey, server.ClientOptions(), TimeProvider.System),
            server.WhatsAppChannelId, new InMemorySmsFirstSentLog(), TimeProvider.System, NullLogger<AcsWhatsAppSender>.Instance);

        await Assert.ThrowsAsync<ChannelConfigurationException>(() => sender.SendAsync(WhatsApp("k", Reminder), CancellationToken.None));
        Assert.Empty(server.SentWhatsApp);
    }

    [Fact]
    public async Task SendAsync_WithTokenCredential_SendsBearerTokenForAcsScope()
    {
        server.ExpectedBearerToken = "token-123";
        var credential = new FakeTokenCredential("token-123");
        var sender = new AcsWhatsAppSender(
            AcsPipeline.FromTokenCredential(server.Endpoint, credential, server.ClientOptions()),
            server.WhatsAppChannelId, new InMemorySmsFirstSentLog(), TimeProvider.System, NullLogger<AcsWhatsAppSender>.Instance);

        await sender.SendAsync(WhatsApp("k", Reminder), CancellationToken.None);

        Assert.Equal(["https://communication.azure.com//.default"], credential.RequestedScopes.Distinct());
        Assert.Single(server.SentWhatsApp);
    }

    private AcsWhatsAppSender Sender(int maxRetries = 3) => new(
        AcsPipeline.FromConnectionString(server.ConnectionString, server.ClientOptions(maxRetries), TimeProvider.System),
        server.WhatsAppChannelId,
        new InMemorySmsFirstSentLog(),
        TimeProvider.System,
        NullLogger<AcsWhatsAppSender>.Instance);

    private static OutgoingMessage WhatsApp(string key, TemplateMessage? template) => new(
        key, Channel.WhatsApp, Debtor, null, "Dank voor uw bericht. Betalen kan via https://pay.example/F2026-0042", null, "invoice-F2026-0042", Template: template);
}
