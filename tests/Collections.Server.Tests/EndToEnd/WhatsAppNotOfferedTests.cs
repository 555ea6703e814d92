using System.Net;
using Collections.Server.Tests.Support;
using Collections.Web.DebtorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Server.Tests.EndToEnd;

/// <summary>A company without WhatsApp (the default outbox provider sends nothing): the debtor page offers no opt-in and
/// a post to it changes nothing.</summary>
public sealed class WhatsAppNotOfferedTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task WhatsAppNotConfigured_NoOfferOnThePage_AndAPostIsRefused()
    {
        Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-WN01")))).StatusCode);
        var link = server.Services.GetRequiredService<DebtorLinks>().Create("2026-WN01");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
        var page = await client.GetStringAsync(link.PathAndQuery);
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__form\" value=\"([^\"]+)\"").Groups[1].Value);

        var posted = await client.PostAsync($"/debtor/2026-WN01/whatsapp-on{link.Query}", new FormUrlEncodedContent([KeyValuePair.Create("__form", token)]));

        Assert.DoesNotContain("WhatsApp", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Null((await server.Store.GetInvoiceAsync("2026-WN01", default))!.Invoice.Debtor.WhatsAppOptIn);
        Assert.DoesNotContain("whatsapp-consent-changed", server.Workflows.EventsFor("2026-WN01"));
    }
}
