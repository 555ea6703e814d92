using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.Handlers.Approvals;
using Collections.Server.Tests.Support;
using Collections.Storage;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

/// <summary>The page behind the approval email's links, in Chromium: the real workflow brings an invoice to the
/// hand-over approval under virtual time, the approver opens the link from the email in the outbox and decides.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApprovalPageTests(BrowserFixture fixture)
{
    private static readonly DateTimeOffset ApprovalBy = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EmailApproveLink_Dutch_ApprovedConfirmedAndWorkflowHandsOver()
    {
        await using var server = await RunningServer.StartAsync(realWorkflows: true);
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-A001", 242m)));
        var link = await ApprovalLinkFromEmailAsync(server, "approve");
        var page = await fixture.NewPageAsync(server: server.Address);
        var secondTab = await page.Context.NewPageAsync();

        var shown = await page.GotoAsync(link);
        await secondTab.GotoAsync(link);
        await server.Driver.RunUntilIdleAsync();

        Assert.Equal(200, shown!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Overdracht aan een incassobureau goedkeuren?");
        await Assertions.Expect(Fact(page, "Factuurnummer")).ToHaveTextAsync("2026-A001");
        await Assertions.Expect(Fact(page, "Klant")).ToHaveTextAsync("Bakkerij De Korenbloem");
        await Assertions.Expect(Fact(page, "Openstaand bedrag")).ToHaveTextAsync("€ 242,00");
        await Assertions.Expect(Fact(page, "Incassokosten")).ToHaveTextAsync("€ 40,00");
        await Assertions.Expect(Fact(page, "Wettelijke handelsrente tot vandaag")).ToHaveTextAsync(EuroAboveZero());
        await Assertions.Expect(Fact(page, "Laatste aanmaning verstuurd")).ToHaveTextAsync(new Regex(@"^\d{1,2} \w+\.? 2026 \d\d:\d\d$"));
        await Assertions.Expect(Fact(page, "Uiterste betaaldatum in de aanmaning")).ToHaveTextAsync(new Regex(@"^\d{1,2} \w+ 2026$"));
        await Assertions.Expect(page.Locator("form button").First).ToHaveTextAsync("Overdracht goedkeuren");
        await Assertions.Expect(page.GetByText("Deze link werkt één keer en is geldig tot")).ToBeVisibleAsync();
        Assert.Equal("open", await InvoiceStatusAsync(server));
        await PageChecks.AssertAccessibleAsync(page, "approval-request");

        await page.GetByRole(AriaRole.Button, new() { Name = "Overdracht goedkeuren" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uw beslissing is vastgelegd");
        await server.Driver.RunUntilIdleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U hebt de overdracht goedgekeurd op");
        await PageChecks.AssertAccessibleAsync(page, "approval-approved");
        Assert.Equal("handed-over", await InvoiceStatusAsync(server));
        Assert.Equal("approve", await DecisionAsync(server, link));

        // The other tab still shows the buttons: its answer comes too late and changes nothing.
        var late = await secondTab.RunAndWaitForResponseAsync(
            () => secondTab.GetByRole(AriaRole.Button, new() { Name = "Overdracht afwijzen" }).ClickAsync(),
            response => response.Request.Method == "POST");
        Assert.Equal(409, late.Status);
        await Assertions.Expect(secondTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hierover was al beslist");
        await Assertions.Expect(secondTab.GetByRole(AriaRole.Alert)).ToContainTextAsync("Uw antwoord is niet vastgelegd. De overdracht was al goedgekeurd");
        await PageChecks.AssertAccessibleAsync(secondTab, "approval-used-link");

        // Opening the used link later shows the decision, without buttons.
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Over dit verzoek is al beslist");
        await Assertions.Expect(page.Locator("form button")).ToHaveCountAsync(0);
        Assert.Equal("handed-over", await InvoiceStatusAsync(server));
    }

    [Fact]
    public async Task EmailRejectLink_EnglishOnAPhone_RejectedConfirmedAndInvoiceClosedByStaff()
    {
        await using var server = await RunningServer.StartAsync(realWorkflows: true);
        var consumer = InvoiceJson.Valid("2026-R001", 1000m);
        consumer["debtor"]!["kind"] = "consumer";
        consumer["debtor"]!["name"] = "J. de Vries";
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(consumer));
        var link = await ApprovalLinkFromEmailAsync(server, "reject");
        var page = await fixture.NewPageAsync(phone: true, locale: "en-GB", server: server.Address);

        await page.GotoAsync(link);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Approve hand-over to a collection agency?");
        await Assertions.Expect(Fact(page, "Customer")).ToHaveTextAsync("J. de Vries");
        await Assertions.Expect(Fact(page, "Open balance")).ToHaveTextAsync("€ 1,000.00");

        // The consumer's costs are those the final notice announced (WIK scale: 15% of € 1,000).
        await Assertions.Expect(Fact(page, "Collection costs")).ToHaveTextAsync("€ 150.00");
        await Assertions.Expect(Fact(page, "Total to hand over")).ToHaveTextAsync("€ 1,150.00");
        await Assertions.Expect(page.Locator("form button").First).ToHaveTextAsync("Reject hand-over");
        await AssertFitsThePhoneAsync(page);
        await PageChecks.AssertAccessibleAsync(page, "approval-request-phone-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reject hand-over" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your decision is recorded");
        await server.Driver.RunUntilIdleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You rejected the hand-over on");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("There is no hand-over.");
        await PageChecks.AssertAccessibleAsync(page, "approval-rejected-phone-en");
        Assert.Equal("closed-by-staff", await InvoiceStatusAsync(server, "2026-R001"));
        Assert.Equal("reject", await DecisionAsync(server, link));
    }

    [Fact]
    public async Task ExpiredLink_DutchThenEnglish_410WithoutButtonsNothingRecorded()
    {
        await using var server = await BrowserFixture.StartServerAsync();
        var debtor = BrowserSeed.Debtor("debtor-ap-exp", "Verlopen BV");
        await BrowserSeed.InvoiceAsync(server.Store, "AP-EXP", debtor, 480.00m);
        var token = NewToken();
        await server.Store.AddApprovalAsync(
            new ApprovalRecord("approval-expired", "AP-EXP", "invoice-AP-EXP", "hand-over", ApprovalToken.Hash(token), BrowserSeed.Now.AddDays(-31), BrowserSeed.Now.AddDays(-1)),
            default);
        var page = await fixture.NewPageAsync(server: server.Address);

        var dutch = await page.GotoAsync($"/approvals/{token}/approve");

        Assert.Equal(410, dutch!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deze link is verlopen");
        await Assertions.Expect(Fact(page, "Factuurnummer")).ToHaveTextAsync("AP-EXP");
        await Assertions.Expect(page.Locator("form button")).ToHaveCountAsync(0);
        await PageChecks.AssertAccessibleAsync(page, "approval-expired");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await PageChecks.AssertAccessibleAsync(page, "approval-expired-en");
        Assert.Null((await server.Store.GetApprovalAsync("approval-expired", default))!.Decision);
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task AlteredLink_OwnContentSecurityPolicy_404StyledPage()
    {
        var page = await fixture.NewPageAsync(bypassCsp: false);

        var response = await page.GotoAsync($"/approvals/{NewToken()}/approve");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deze link werkt niet");
        await Assertions.Expect(page.Locator("header.top .brand")).ToHaveTextAsync("Goedkeuring");
        await Assertions.Expect(page.Locator("header.top nav")).ToHaveCountAsync(0);

        // The shared stylesheet loads under the page's own Content-Security-Policy.
        await Assertions.Expect(page.Locator("header.top")).ToHaveCSSAsync("background-color", "rgb(11, 61, 102)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "approval-invalid.png"), FullPage = true });
    }

    /// <summary>Advances virtual time a day at a time until the approval email is in the outbox; returns the
    /// path of its approve or reject link, as the approver would click it.</summary>
    private static async Task<string> ApprovalLinkFromEmailAsync(RunningServer server, string decision)
    {
        await server.Driver.RunUntilIdleAsync();
        while (server.Time.GetUtcNow() < ApprovalBy)
        {
            var outbox = await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox");
            foreach (var item in outbox.GetProperty("items").EnumerateArray())
            {
                var match = ApprovalLink().Match(item.GetProperty("message").GetProperty("text").GetString()!);
                if (match.Success)
                {
                    Assert.Equal(decision, new Uri(match.Value).Segments[^1]);
                    return new Uri(match.Value).PathAndQuery;
                }
            }

            await server.RecordNoAnswerOnOpenCallsAsync();
            await server.Driver.AdvanceByAsync(TimeSpan.FromDays(1));
        }

        throw new Xunit.Sdk.XunitException($"No approval email by {ApprovalBy:yyyy-MM-dd}.");

        Regex ApprovalLink() => new($@"https?://\S+?/approvals/[A-Za-z0-9_-]{{43,128}}/{decision}\b");
    }

    /// <summary>The definition next to a term in the page's facts.</summary>
    private static ILocator Fact(IPage page, string term) =>
        page.Locator($"dl.facts dt:text-is(\"{term}\") + dd");

    private static Regex EuroAboveZero() => new(@"^€ (?!0,00$)\d+,\d\d$");

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page scrolls sideways on a phone.");
    }

    private static async Task<string?> InvoiceStatusAsync(RunningServer server, string number = "2026-A001") =>
        (await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{number}")).GetProperty("status").GetString();

    /// <summary>The decision stored for the link's token ("/approvals/{token}/{decision}").</summary>
    private static async Task<string?> DecisionAsync(RunningServer server, string link) =>
        (await server.Store.FindApprovalByTokenHashAsync(ApprovalToken.Hash(link.Split('/')[2]), default))?.Decision;

    private static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
