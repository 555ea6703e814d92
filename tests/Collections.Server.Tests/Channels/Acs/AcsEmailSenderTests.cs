using System.Text;
using System.Text.Json.Nodes;
using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Channels.Acs;
using Collections.Invoices;
using Collections.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Server.Tests.Channels.Acs;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private const string Sender = "DoNotReply@mail.contoso.example";
    private FakeAcsServer server = null!;
    private readonly RecordingTimeProvider time = new();

    public async Task InitializeAsync() => server = await FakeAcsServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task SendAsync_HappyPath_SendsContentAndPollsUntilSucceeded()
    {
        var receipt = await CreateSender().SendAsync(Email("inv-1:task-2"), CancellationToken.None);

        var operationId = IdempotencyIds.NameBasedGuid("acs-email", "inv-1:task-2").ToString();
        Assert.Equal(operationId, receipt.ProviderMessageId);
        var send = server.Received[0];
        Assert.Equal("/emails:send?api-version=2023-03-31", send.RawTarget);
        Assert.Equal(operationId, send.Header("Operation-Id"));
        var body = Assert.Single(server.SentEmails);
        Assert.Equal(Sender, (string?)body["senderAddress"]);
        Assert.Equal("debtor@example.org", (string?)body["recipients"]!["to"]![0]!["address"]);
        Assert.Equal("Herinnering: factuur 2024-001 — € 125,00", (string?)body["content"]!["subject"]);
        Assert.Equal("Beste Zoë, …", (string?)body["content"]!["plainText"]);
        Assert.Equal("<p>Beste Zoë, …</p>", (string?)body["content"]!["html"]);
        Assert.Equal("accounts@contoso.example", (string?)body["replyTo"]![0]!["address"]);
        Assert.True((bool)body["userEngagementTrackingDisabled"]!);
        var attachment = body["attachments"]![0]!;
        Assert.Equal("factuur.pdf", (string?)attachment["name"]);
        Assert.Equal("application/pdf", (string?)attachment["contentType"]);
        Assert.Equal("%PDF-1.7 fake", Encoding.ASCII.GetString(Convert.FromBase64String((string)attachment["contentInBase64"]!)));
        Assert.Equal(["GET", "GET"], server.Received.Skip(1).Select(r => r.Method));
        Assert.All(server.Received.Skip(1), r => Assert.Equal($"/emails/operations/{operationId}?api-version=2023-03-31", r.RawTarget));
    }

    [Fact]
    public async Task SendAsync_ServiceSaysRetryAfter_WaitsThatLongBetweenPolls()
    {
        server.EmailRetryAfterSeconds = 3;
        server.EmailStatuses = ["NotStarted", "Running", "Succeeded"];

        await CreateSender().SendAsync(Email("k"), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], time.Delays);
    }

    [Fact]
    public async Task SendAsync_OperationFails_ThrowsMessageRejectedWithServiceError()
    {
        server.EmailStatuses = ["Running", "Failed"];
        server.EmailFailureError = new JsonObject { ["code"] = "InvalidRecipient", ["message"] = "The mailbox debtor@example.org does not exist." };

        var error = await Assert.ThrowsAsync<MessageRejectedException>(() => CreateSender().SendAsync(Email("k"), CancellationToken.None));

        Assert.Contains("InvalidRecipient", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_503AfterTheServiceAcceptedIt_SameOperationNotSentTwice()
    {
        server.FailNext(1, 503, afterProcessing: true);

        var receipt = await CreateSender().SendAsync(Email("k"), CancellationToken.None);

        Assert.Single(server.SentEmails);
        var sends = server.Received.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].Header("Operation-Id"), sends[1].Header("Operation-Id"));
        Assert.Equal(sends[0].Header("Operation-Id"), receipt.ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_RetriesAndSendsOnce()
    {
        server.FailNext(1, 429, retryAfterSeconds: 0);

        await CreateSender().SendAsync(Email("k"), CancellationToken.None);

        Assert.Equal(2, server.Received.Count(r => r.Method == "POST"));
        Assert.Single(server.SentEmails);
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_ReusesTheOperation()
    {
        var first = await CreateSender().SendAsync(Email("k"), CancellationToken.None);
        var second = await CreateSender().SendAsync(Email("k"), CancellationToken.None);

        Assert.Equal(first.ProviderMessageId, second.ProviderMessageId);
        Assert.Single(server.SentEmails);
    }

    [Fact]
    public async Task SendAsync_DuplicateAnsweredWith409_FollowsTheExistingOperation()
    {
        server.AnswerDuplicateOperationWith409 = true;
        server.FailNext(1, 503, afterProcessing: true);

        var receipt = await CreateSender().SendAsync(Email("k"), CancellationToken.None);

        Assert.Single(server.SentEmails);
        Assert.Equal(IdempotencyIds.NameBasedGuid("acs-email", "k").ToString(), receipt.ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_NeverFinal_GivesUpTransientlyAfterMaxPollDuration()
    {
        server.EmailStatuses = ["Running"];
        server.EmailRetryAfterSeconds = 10;

        await Assert.ThrowsAsync<TimeoutException>(() => CreateSender(maxPoll: TimeSpan.FromSeconds(35)).SendAsync(Email("k"), CancellationToken.None));

        Assert.Equal(3, time.Delays.Count);
    }

    [Fact]
    public async Task SendAsync_ServiceRefusesRequest_ThrowsMessageRejected()
    {
        var message = Email("k") with { Subject = null };
        server.FailNext(1, 400);

        await Assert.ThrowsAsync<MessageRejectedException>(() => CreateSender().SendAsync(message, CancellationToken.None));

        Assert.Empty(server.SentEmails);
    }

    [Theory]
    [InlineData("debtor(at)example.org")]
    [InlineData("Debtor <debtor@example.org>")]
    [InlineData("")]
    public async Task SendAsync_InvalidAddress_ThrowsWithoutAnyRequest(string to)
    {
        var error = await Assert.ThrowsAsync<MessageRejectedException>(() => CreateSender().SendAsync(Email("k") with { To = to }, CancellationToken.None));

        Assert.Contains("recipient", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    private AcsEmailSender CreateSender(TimeSpan? maxPoll = null) => new(
        AcsPipeline.FromConnectionString(server.ConnectionString, server.ClientOptions(), TimeProvider.System),
        new AcsEmailSettings(Sender, "accounts@contoso.example", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), maxPoll ?? TimeSpan.FromMinutes(5)),
        time,
        NullLogger<AcsEmailSender>.Instance);

    private static OutgoingMessage Email(string key) => new(
        key,
        Channel.Email,
        "debtor@example.org",
        "Herinnering: factuur 2024-001 — € 125,00",
        "Beste Zoë, …",
        "<p>Beste Zoë, …</p>",
        "invoice-2024-001",
        Attachments: [new MessageAttachment("factuur.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7 fake"))]);
}
