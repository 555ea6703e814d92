using Collections.Infrastructure.Channels.Outbox;
using Collections.Invoices;
using Collections.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Tests.Channels.Outbox;

public sealed class OutboxMessageSenderTests
{
    private readonly OutboxOnlyStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task SendAsync_Message_StoresFullRenderedContent()
    {
        var message = Email("inv-1:task-2");

        var receipt = await Sender().SendAsync(message, CancellationToken.None);

        var stored = Assert.Single((await store.ListOutboxAsync(1, 10, CancellationToken.None)).Items);
        Assert.Equal("inv-1:task-2", stored.Id);
        Assert.Equal(message, stored.Message);
        Assert.Equal(time.GetUtcNow(), stored.StoredAt);
        Assert.Equal("outbox:inv-1:task-2", receipt.ProviderMessageId);
        Assert.Equal(time.GetUtcNow(), receipt.AcceptedAt);
    }

    [Fact]
    public async Task SendAsync_RetriedWithSameKey_StoresOnce()
    {
        var first = await Sender().SendAsync(Email("inv-1:task-2"), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await Sender().SendAsync(Email("inv-1:task-2"), CancellationToken.None);

        var page = await store.ListOutboxAsync(1, 10, CancellationToken.None);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal(2, store.AddCalls);
        Assert.Equal(first.ProviderMessageId, second.ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_SmsAndEmail_BothLandInTheOutbox()
    {
        await Sender().SendAsync(Email("a"), CancellationToken.None);
        await Sender().SendAsync(new OutgoingMessage("b", Channel.Sms, "+31612345678", null, "Herinnering", null, "inv-1"), CancellationToken.None);

        var page = await store.ListOutboxAsync(1, 10, CancellationToken.None);
        Assert.Equal([Channel.Sms, Channel.Email], page.Items.Select(i => i.Message.Channel));
    }

    private OutboxMessageSender Sender() => new(store, time, NullLogger<OutboxMessageSender>.Instance);

    private static OutgoingMessage Email(string key) => new(
        key, Channel.Email, "debtor@example.org", "Herinnering", "Beste Zoë, € 125,00", "<p>Beste Zoë, € 125,00</p>", "inv-1");
}
