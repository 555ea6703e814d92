using Collections.Activities;
using Collections.HandOver;
using Collections.Infrastructure.Channels;
using Collections.Infrastructure.Channels.Smtp;
using Collections.Invoices;
using Collections.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Collections.Server.Tests.Channels.Smtp;

public sealed class SmtpMessageSenderTests : IDisposable
{
    private readonly SmtpSink sink = SmtpSink.Start();

    public void Dispose() => sink.Dispose();

    [Fact]
    public async Task SendAsync_RealSmtpServer_DeliversUtf8MultipartWithEncodedHeaders()
    {
        var receipt = await Sender().SendAsync(Email("inv-1:task-3"), CancellationToken.None);

        var (message, raw, envelope) = Assert.Single(sink.Received());
        Assert.Equal("debtor@example.org", (string?)envelope["to"]![0]);
        Assert.Equal("billing@contoso.example", (string?)envelope["from"]);
        Assert.Equal("Herinnering: factuur 2024-001 — € 125,00", message.Subject);
        var headers = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.True(headers.All(char.IsAscii), "headers must be 7-bit with RFC 2047 encoded words");
        Assert.Matches("(?im)^Subject: .*=\\?utf-8\\?", headers);
        Assert.Matches("(?im)^From: .*=\\?utf-8\\?", headers);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Boekhouding Contoso — Zoë", "billing@contoso.example"), (from.Name, from.Address));
        Assert.Equal("debtor@example.org", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("accounts@contoso.example", Assert.IsType<MailboxAddress>(Assert.Single(message.ReplyTo)).Address);
        Assert.Equal(receipt.ProviderMessageId, message.MessageId);
        Assert.EndsWith("@contoso.example", message.MessageId, StringComparison.Ordinal);

        var alternative = Assert.IsType<MultipartAlternative>(Assert.IsType<Multipart>(message.Body).First());
        var plain = alternative.OfType<TextPart>().Single(p => p.IsPlain);
        var html = alternative.OfType<TextPart>().Single(p => p.IsHtml);
        Assert.Equal("utf-8", plain.ContentType.Charset, ignoreCase: true);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);
        Assert.Equal("Beste Zoë, het bedrag is € 125,00.", plain.Text.TrimEnd());
        Assert.Equal("<p>Beste Zoë, het bedrag is € 125,00.</p>", html.Text.TrimEnd());
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("factuur.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
    }

    /// <summary>The agency's email: text only, the dossier's real PDF and JSON arrive byte for byte.</summary>
    [Fact]
    public async Task SendAsync_HandOverDossier_PdfAndJsonArriveIntact()
    {
        var invoice = new Invoice("2024-001", new DateOnly(2024, 1, 2), new DateOnly(2024, 2, 1), 125m, "EUR",
            new Debtor("D-1", "Zoë de Vries", DebtorKind.Consumer, "zoe@example.org", null, Channel.Email, "nl"));
        var dossier = HandOverDossier.From("Incasso Noord", new DateOnly(2024, 4, 1), InvoiceActivityOptions.Example.Creditor, invoice, 125m, new ClaimAmounts(40m, 0m, 40m), []);
        byte[] pdf = DossierPdf.Render(dossier), json = dossier.ToJson();

        await Sender().SendAsync(
            Email("handover:agency") with { To = "dossiers@incasso.example", Html = null, Attachments = [new("dossier-2024-001.pdf", "application/pdf", pdf), new("dossier-2024-001.json", "application/json", json)] },
            CancellationToken.None);

        var (message, _, envelope) = Assert.Single(sink.Received());
        Assert.Equal("dossiers@incasso.example", (string?)envelope["to"]![0]);
        var parts = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["dossier-2024-001.pdf", "dossier-2024-001.json"], parts.Select(part => part.FileName));
        Assert.Equal(pdf, Decoded(parts[0]));
        Assert.Equal(json, Decoded(parts[1]));
    }

    private static byte[] Decoded(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return content.ToArray();
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_CarriesTheSameMessageId()
    {
        await Sender().SendAsync(Email("inv-1:task-3"), CancellationToken.None);
        await Sender().SendAsync(Email("inv-1:task-3"), CancellationToken.None);
        await Sender().SendAsync(Email("inv-1:task-4"), CancellationToken.None);

        var ids = sink.Received().Select(r => r.Message.MessageId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task SendAsync_TextOnly_SendsASinglePlainPart()
    {
        await Sender().SendAsync(Email("k") with { Html = null, Attachments = null }, CancellationToken.None);

        var body = Assert.IsType<TextPart>(Assert.Single(sink.Received()).Message.Body);
        Assert.True(body.IsPlain);
    }

    [Fact]
    public async Task SendAsync_ServerRefusesRecipient_ThrowsMessageRejected()
    {
        var error = await Assert.ThrowsAsync<MessageRejectedException>(
            () => Sender().SendAsync(Email("k") with { To = "bounce@example.org" }, CancellationToken.None));

        Assert.Contains("refused the email to b•••@e•••.org", error.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Received());
    }

    [Fact]
    public async Task SendAsync_InvalidRecipient_ThrowsWithoutConnecting()
    {
        await Assert.ThrowsAsync<MessageRejectedException>(
            () => Sender().SendAsync(Email("k") with { To = "not an address" }, CancellationToken.None));

        Assert.Empty(sink.Received());
    }

    [Fact]
    public async Task SendAsync_WithLogin_AuthenticatesAndWrongPasswordIsAConfigurationError()
    {
        using var secured = SmtpSink.Start("collections", "s3cret");

        await Sender(secured.Port, "collections", "s3cret").SendAsync(Email("k"), CancellationToken.None);
        var error = await Assert.ThrowsAsync<ChannelConfigurationException>(
            () => Sender(secured.Port, "collections", "wrong").SendAsync(Email("k2"), CancellationToken.None));

        Assert.Equal("collections", (string?)Assert.Single(secured.Received()).Envelope["login"]);
        Assert.Contains("collections", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsTransient()
    {
        var unused = sink.Port;
        sink.Dispose();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Sender(unused).SendAsync(Email("k"), CancellationToken.None));

        Assert.IsNotType<MessageRejectedException>(error);
        Assert.IsNotType<ChannelConfigurationException>(error);
    }

    private SmtpMessageSender Sender(int? port = null, string? user = null, string? password = null) => new(
        new SmtpSettings("127.0.0.1", port ?? sink.Port, SmtpSecurity.None, user, password, "billing@contoso.example", "Boekhouding Contoso — Zoë", "accounts@contoso.example", TimeSpan.FromSeconds(10)),
        TimeProvider.System,
        NullLogger<SmtpMessageSender>.Instance);

    private static OutgoingMessage Email(string key) => new(
        key,
        Channel.Email,
        "debtor@example.org",
        "Herinnering: factuur 2024-001 — € 125,00",
        "Beste Zoë, het bedrag is € 125,00.",
        "<p>Beste Zoë, het bedrag is € 125,00.</p>",
        "invoice-2024-001",
        Attachments: [new MessageAttachment("factuur.pdf", "application/pdf", "%PDF-1.7 fake"u8.ToArray())]);
}
