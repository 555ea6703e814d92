using System.Diagnostics;
using System.Globalization;
using Azure;
using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Channels.Acs;
using Collections.Invoices;
using Collections.Messaging;
using Collections.Server.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Server.Tests.Channels.Acs;

public sealed class AcsSmsSenderTests : IAsyncLifetime
{
    private const string From = "+31850001234";
    private const string Debtor = "+31612345678";
    private FakeAcsServer server = null!;

    public async Task InitializeAsync() => server = await FakeAcsServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task SendAsync_HappyPath_SendsSignedRequestWithRepeatabilityAndTag()
    {
        var receipt = await Sender().SendAsync(Sms("inv-1:task-1"), CancellationToken.None);

        var request = Assert.Single(server.Received);
        Assert.Equal("/sms?api-version=2021-03-07", request.RawTarget);
        var sent = Assert.Single(server.SentSms);
        Assert.Equal(From, (string?)sent["from"]);
        Assert.Equal("Reminder: invoice 2024-001 of € 125,00 is due.", (string?)sent["message"]);
        var recipient = sent["smsRecipients"]![0]!;
        Assert.Equal(Debtor, (string?)recipient["to"]);
        Assert.Equal(IdempotencyIds.NameBasedGuid("acs-sms", "inv-1:task-1").ToString(), (string?)recipient["repeatabilityRequestId"]);
        Assert.True(DateTimeOffset.TryParseExact((string?)recipient["repeatabilityFirstSent"], "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.True((bool)sent["smsSendOptions"]!["enableDeliveryReport"]!);
        Assert.Equal("invoice-2024-001", (string?)sent["smsSendOptions"]!["tag"]);
        Assert.StartsWith("Outgoing_", receipt.ProviderMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NumberWithSpaces_IsSentInE164()
    {
        await Sender().SendAsync(Sms("k", to: "+31 6 1234 5678"), CancellationToken.None);

        Assert.Equal(Debtor, (string?)Assert.Single(server.SentSms)["smsRecipients"]![0]!["to"]);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_WaitsAndSendsOnce()
    {
        server.FailNext(1, 429, retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();

        await Sender().SendAsync(Sms("k"), CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before Retry-After");
        Assert.Equal(2, server.Received.Count);
        Assert.Single(server.SentSms);
    }

    [Fact]
    public async Task SendAsync_429BeyondTheRetries_ThrowsThrottledWithRetryAfter_NothingSent()
    {
        server.FailNext(2, 429, retryAfterSeconds: 0);

        var error = await Assert.ThrowsAsync<MessageThrottledException>(() => Sender(maxRetries: 1).SendAsync(Sms("k"), CancellationToken.None));

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal(2, server.Received.Count);
        Assert.Empty(server.SentSms);
    }

    [Fact]
    public async Task SendAsync_503AfterTheServiceSentIt_RetryIsRecognisedNotSentTwice()
    {
        server.FailNext(2, 503, afterProcessing: true);

        var receipt = await Sender().SendAsync(Sms("k"), CancellationToken.None);

        Assert.Equal(3, server.Received.Count);
        var sent = Assert.Single(server.SentSms);
        Assert.Single(server.Received.Select(r => r.Json!["smsRecipients"]![0]!.ToJsonString()).Distinct());
        Assert.StartsWith("Outgoing_", receipt.ProviderMessageId, StringComparison.Ordinal);
        Assert.NotNull(sent);
    }

    [Fact]
    public async Task SendAsync_SameKeyAfterRestartWithDurableLog_IsNotSentTwice()
    {
        var folder = Directory.CreateTempSubdirectory("collections-sms-log-");
        try
        {
            var database = $"Data Source={Path.Combine(folder.FullName, "channels.db")};Pooling=False";
            var first = await Sender(new SqliteSmsFirstSentLog(database)).SendAsync(Sms("k"), CancellationToken.None);

            // A new sender and a new log over the same file: what a process restart looks like.
            var second = await Sender(new SqliteSmsFirstSentLog(database)).SendAsync(Sms("k"), CancellationToken.None);

            Assert.Single(server.SentSms);
            Assert.Equal(first.ProviderMessageId, second.ProviderMessageId);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_RetryInSameProcess_ReusesFirstSent()
    {
        var log = new InMemorySmsFirstSentLog();
        var start = DateTimeOffset.UtcNow.AddMinutes(-3);
        await log.GetOrRenewAsync("k", start, AcsSmsSender.RepeatabilityRenewAfter, CancellationToken.None);

        await Sender(log).SendAsync(Sms("k"), CancellationToken.None);

        Assert.Equal(AcsRequestSigner.FormatDate(start), (string?)Assert.Single(server.SentSms)["smsRecipients"]![0]!["repeatabilityFirstSent"]);
    }

    [Fact]
    public async Task SendAsync_RetryAfterTheTrackingWindow_RenewsFirstSentInsteadOfFailingWith412()
    {
        var log = new InMemorySmsFirstSentLog();
        var longAgo = DateTimeOffset.UtcNow.AddMinutes(-6);
        await log.GetOrRenewAsync("k", longAgo, AcsSmsSender.RepeatabilityRenewAfter, CancellationToken.None);

        await Sender(log).SendAsync(Sms("k"), CancellationToken.None);

        var firstSent = DateTimeOffset.Parse((string)Assert.Single(server.SentSms)["smsRecipients"]![0]!["repeatabilityFirstSent"]!, CultureInfo.InvariantCulture);
        Assert.True(DateTimeOffset.UtcNow - firstSent < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SendAsync_ServiceRefusesWholeRequest_ThrowsMessageRejectedWithReason()
    {
        server.UnknownSenders.Add(From);

        var error = await Assert.ThrowsAsync<MessageRejectedException>(() => Sender().SendAsync(Sms("k"), CancellationToken.None));

        Assert.Contains("does not belong to this resource", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task SendAsync_RecipientFailedInside202_ThrowsMessageRejectedWithReason()
    {
        server.FailingRecipients[Debtor] = (400, "Recipient number is opted out.");

        var error = await Assert.ThrowsAsync<MessageRejectedException>(() => Sender().SendAsync(Sms("k"), CancellationToken.None));

        Assert.Contains("opted out", error.Message, StringComparison.Ordinal);
        Assert.Contains("+31 6 •••• 78", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Debtor, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Accepted_LogsTheRecipientMasked()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new LoggerFactory([logs]);

        await Sender(logger: factory.CreateLogger<AcsSmsSender>()).SendAsync(Sms("k"), CancellationToken.None);

        var logged = Assert.Single(logs.Entries).Text;
        Assert.Contains("ACS SMS to +31 6 •••• 78 accepted", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("is due", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RecipientThrottledInside202_IsTransient()
    {
        server.FailingRecipients[Debtor] = (429, "Too many messages to this number.");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Sender().SendAsync(Sms("k"), CancellationToken.None));

        Assert.Equal(429, error.Status);
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+316")]
    [InlineData("+31 6 1234 567a")]
    [InlineData("call me")]
    [InlineData("")]
    public async Task SendAsync_NotE164_ThrowsClearErrorWithoutAnyRequest(string to)
    {
        var error = await Assert.ThrowsAsync<MessageRejectedException>(() => Sender().SendAsync(Sms("k", to: to), CancellationToken.None));

        Assert.Contains("SMS recipient", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_TextTooLong_ThrowsWithoutAnyRequest()
    {
        var message = Sms("k") with { Text = new string('x', AcsSmsSender.MaxTextLength + 1) };

        await Assert.ThrowsAsync<MessageRejectedException>(() => Sender().SendAsync(message, CancellationToken.None));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_WrongAccessKey_ThrowsConfigurationError()
    {
        var wrongKey = $"endpoint={server.Endpoint};accesskey={Convert.ToBase64String("not-the-key"u8.ToArray())}";
        var sender = new AcsSmsSender(
            AcsPipeline.FromConnectionString(wrongKey, server.ClientOptions(), TimeProvider.System),
            From, new InMemorySmsFirstSentLog(), TimeProvider.System, NullLogger<AcsSmsSender>.Instance);

        var error = await Assert.ThrowsAsync<ChannelConfigurationException>(() => sender.SendAsync(Sms("k"), CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.SentSms);
    }

    [Fact]
    public async Task SendAsync_ClockFarOff_IsRefusedByTheSignatureCheck()
    {
        var skewed = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-20));
        var sender = new AcsSmsSender(
            AcsPipeline.FromConnectionString(server.ConnectionString, server.ClientOptions(), skewed),
            From, new InMemorySmsFirstSentLog(), skewed, NullLogger<AcsSmsSender>.Instance);

        await Assert.ThrowsAsync<ChannelConfigurationException>(() => sender.SendAsync(Sms("k"), CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableThroughAllRetries_ThrowsTransient()
    {
        server.FailNext(10, 503);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Sender(maxRetries: 2).SendAsync(Sms("k"), CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Equal(3, server.Received.Count);
        Assert.Empty(server.SentSms);
    }

    [Fact]
    public async Task SendAsync_WithTokenCredential_SendsBearerTokenForAcsScope()
    {
        server.ExpectedBearerToken = "token-123";
        var credential = new FakeTokenCredential("token-123");
        var sender = new AcsSmsSender(
            AcsPipeline.FromTokenCredential(server.Endpoint, credential, server.ClientOptions()),
            From, new InMemorySmsFirstSentLog(), TimeProvider.System, NullLogger<AcsSmsSender>.Instance);

        await sender.SendAsync(Sms("k"), CancellationToken.None);

        Assert.Equal(["https://communication.azure.com//.default"], credential.RequestedScopes.Distinct());
        var request = Assert.Single(server.Received);
        Assert.Null(request.Header("x-ms-content-sha256"));
        Assert.Single(server.SentSms);
    }

    private AcsSmsSender Sender(ISmsFirstSentLog? log = null, int maxRetries = 3, ILogger<AcsSmsSender>? logger = null) => new(
        AcsPipeline.FromConnectionString(server.ConnectionString, server.ClientOptions(maxRetries), TimeProvider.System),
        From,
        log ?? new InMemorySmsFirstSentLog(),
        TimeProvider.System,
        logger ?? NullLogger<AcsSmsSender>.Instance);

    private static OutgoingMessage Sms(string key, string to = Debtor) => new(
        key, Channel.Sms, to, null, "Reminder: invoice 2024-001 of € 125,00 is due.", null, "invoice-2024-001");
}
