using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Collections.Infrastructure.Channels.Outbox;
using Collections.Invoices;
using Collections.Messaging;
using Collections.Server.Tests.Support;
using Collections.Web.DebtorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Server.Tests.EndToEnd;

/// <summary>The debtor gives or withdraws their WhatsApp opt-in on their own page (a real browser-like client: cookies,
/// antiforgery token, signed link), and the invoice's real workflow sends its next message accordingly. WhatsApp is
/// configured (the ACS provider); the outbox stands in for ACS so nothing leaves the machine.</summary>
public sealed partial class WhatsAppConsentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FirstReminderSent = new(2026, 3, 5, 18, 0, 0, TimeSpan.Zero);

    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(
        [
            "--Collections:Channels:WhatsApp:Provider=Acs",
            $"--Collections:Channels:WhatsApp:ChannelRegistrationId={Guid.NewGuid()}",
            "--Collections:Channels:WhatsApp:Acs:ConnectionString=endpoint=https://127.0.0.1:9/;accesskey=ZmFrZS1hY3MtYWNjZXNzLWtleQ==",
        ],
        realWorkflows: true,
        services: registered =>
        {
            registered.RemoveAll<IMessageSender>();
            registered.AddSingleton<IMessageSender>(provider => provider.GetRequiredService<OutboxMessageSender>());
        });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task OptInGivenOnThePage_NextMessageGoesByWhatsApp_AndTheLogSaysWhenAndWhere()
    {
        await PostInvoiceAsync("2026-WC01", optIn: false);
        using var debtor = new DebtorBrowser(server, "2026-WC01");
        var page = await debtor.PageAsync();
        Assert.Contains("Ontvangt u onze berichten over uw facturen liever via WhatsApp op 06 12345678?", page, StringComparison.Ordinal);

        var given = await debtor.PostAsync("whatsapp-on");

        Assert.Equal(HttpStatusCode.SeeOther, given.StatusCode);
        Assert.Contains("Onze volgende berichten komen via WhatsApp", await debtor.PageAsync("&done=whatsapp-on"), StringComparison.Ordinal);
        var stored = (await server.Store.GetInvoiceAsync("2026-WC01", default))!.Invoice.Debtor;
        Assert.Equal(("debtor-page", server.Time.GetUtcNow()), (stored.WhatsAppOptIn!.Source, stored.WhatsAppOptIn.At));
        var logged = Assert.Single(await server.Store.ListContactsAsync("2026-WC01", default), entry => entry.Kind == "whatsapp-consent");
        Assert.Equal("WhatsApp opt-in given on the debtor page on 2026-03-02 09:00 UTC (source debtor-page); messages go by WhatsApp.", logged.Summary);
        Assert.Equal("whatsapp", await FirstReminderChannelAsync());
    }

    [Fact]
    public async Task OptInFromTheInvoiceWithdrawnOnThePage_NextMessageGoesBySms()
    {
        await PostInvoiceAsync("2026-WC02", optIn: true);
        using var debtor = new DebtorBrowser(server, "2026-WC02");
        Assert.Contains("U ontvangt onze berichten via WhatsApp op 06 12345678 (toestemming gegeven op 10 januari 2026).", await debtor.PageAsync(), StringComparison.Ordinal);

        var withdrawn = await debtor.PostAsync("whatsapp-off");

        Assert.Equal(HttpStatusCode.SeeOther, withdrawn.StatusCode);
        Assert.Null((await server.Store.GetInvoiceAsync("2026-WC02", default))!.Invoice.Debtor.WhatsAppOptIn);
        var logged = Assert.Single(await server.Store.ListContactsAsync("2026-WC02", default), entry => entry.Kind == "whatsapp-consent");
        Assert.Equal(
            "WhatsApp opt-in (given 2026-01-10 08:30 UTC, source accounting-system) withdrawn on the debtor page on 2026-03-02 09:00 UTC; messages go by SMS.",
            logged.Summary);
        Assert.Contains("Ontvangt u onze berichten over uw facturen liever via WhatsApp", await debtor.PageAsync(), StringComparison.Ordinal);
        Assert.Equal("sms", await FirstReminderChannelAsync());
    }

    [Fact]
    public async Task ForgedLink_ChangesNothing()
    {
        await PostInvoiceAsync("2026-WC03", optIn: false);
        using var debtor = new DebtorBrowser(server, "2026-WC03");
        await debtor.PageAsync();

        var forged = await debtor.PostAsync("whatsapp-on", signature: "AAAA" + debtor.Signature[4..]);

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Null((await server.Store.GetInvoiceAsync("2026-WC03", default))!.Invoice.Debtor.WhatsAppOptIn);
        Assert.DoesNotContain(await server.Store.ListContactsAsync("2026-WC03", default), entry => entry.Kind == "whatsapp-consent");
        Assert.Equal("sms", await FirstReminderChannelAsync());
    }

    [Fact]
    public async Task OptInTwice_StoredAndLoggedOnce_WithTheFirstDate()
    {
        await PostInvoiceAsync("2026-WC04", optIn: false);
        using var debtor = new DebtorBrowser(server, "2026-WC04");
        await debtor.PageAsync();
        var first = server.Time.GetUtcNow();

        Assert.Equal(HttpStatusCode.SeeOther, (await debtor.PostAsync("whatsapp-on")).StatusCode);
        server.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.SeeOther, (await debtor.PostAsync("whatsapp-on")).StatusCode);

        Assert.Equal(first, (await server.Store.GetInvoiceAsync("2026-WC04", default))!.Invoice.Debtor.WhatsAppOptIn!.At);
        Assert.Single(await server.Store.ListContactsAsync("2026-WC04", default), entry => entry.Kind == "whatsapp-consent");
    }

    [Fact]
    public async Task OptInGivenOnThePage_ALaterInvoiceWithoutOne_GetsIt()
    {
        await PostInvoiceAsync("2026-WC05", optIn: false);
        using var debtor = new DebtorBrowser(server, "2026-WC05");
        await debtor.PageAsync();
        await debtor.PostAsync("whatsapp-on");
        var given = (await server.Store.GetInvoiceAsync("2026-WC05", default))!.Invoice.Debtor.WhatsAppOptIn;

        await PostInvoiceAsync("2026-WC06", optIn: false);

        var later = (await server.Store.GetInvoiceAsync("2026-WC06", default))!.Invoice.Debtor;
        Assert.Equal((given, Channel.WhatsApp), (later.WhatsAppOptIn, later.PreferredChannel));
    }

    [Fact]
    public async Task OptInWithdrawnOnThePage_ALaterInvoiceWithTheOlderOptIn_DoesNotBringItBack()
    {
        await PostInvoiceAsync("2026-WC07", optIn: true);
        using var debtor = new DebtorBrowser(server, "2026-WC07");
        await debtor.PageAsync();
        await debtor.PostAsync("whatsapp-off");

        await PostInvoiceAsync("2026-WC08", optIn: true);

        Assert.Null((await server.Store.GetInvoiceAsync("2026-WC08", default))!.Invoice.Debtor.WhatsAppOptIn);
    }

    private async Task PostInvoiceAsync(string number, bool optIn)
    {
        var invoice = InvoiceJson.Valid(number);
        if (optIn)
        {
            invoice["debtor"]!["preferredChannel"] = "whatsapp";
            invoice["debtor"]!["whatsAppOptIn"] = new JsonObject { ["at"] = "2026-01-10T09:30:00+01:00", ["source"] = "accounting-system" };
        }

        Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(invoice))).StatusCode);
        await server.Driver.RunUntilIdleAsync();
    }

    /// <summary>Runs to the friendly reminder (the first message: the debtor is a business, so no pre-due nudge).</summary>
    private async Task<string?> FirstReminderChannelAsync()
    {
        await server.Driver.AdvanceToAsync(FirstReminderSent);
        var outbox = (await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items");
        return Assert.Single(outbox.EnumerateArray()).GetProperty("message").GetProperty("channel").GetString();
    }

    /// <summary>The debtor's browser on their signed link: keeps cookies, follows no redirects, posts with the page's antiforgery token.</summary>
    private sealed partial class DebtorBrowser : IDisposable
    {
        private readonly HttpClient client;
        private readonly string number;
        private readonly string expires;
        private string token = string.Empty;

        public DebtorBrowser(RunningServer server, string number)
        {
            this.number = number;
            var link = server.Services.GetRequiredService<DebtorLinks>().Create(number);
            var query = System.Web.HttpUtility.ParseQueryString(link.Query);
            expires = query["e"]!;
            Signature = query["s"]!;
            client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
        }

        public string Signature { get; }

        public async Task<string> PageAsync(string extraQuery = "")
        {
            var page = await client.GetStringAsync($"/debtor/{number}?e={Uri.EscapeDataString(expires)}&s={Uri.EscapeDataString(Signature)}{extraQuery}");
            token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
            return WebUtility.HtmlDecode(page);
        }

        public Task<HttpResponseMessage> PostAsync(string action, string? signature = null) => client.PostAsync(
            $"/debtor/{number}/{action}?e={Uri.EscapeDataString(expires)}&s={Uri.EscapeDataString(signature ?? Signature)}",
            new FormUrlEncodedContent([KeyValuePair.Create("__form", token)]));

        public void Dispose() => client.Dispose();

        [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryToken();
    }
}
