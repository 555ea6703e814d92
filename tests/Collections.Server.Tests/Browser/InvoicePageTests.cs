using System.Text.Json;
using Collections.Handlers.Invoices;
using Collections.Storage;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class InvoicePageTests(BrowserFixture fixture)
{
    private ICollectionsStore Store => fixture.Server.Store;

    [Fact]
    public async Task InvoicePage_FromCallList_TimelineWithFullMessagePaymentAndWorkflowState()
    {
        var debtor = BrowserSeed.Debtor("debtor-ip-1", "Drukkerij Letter");
        var record = await BrowserSeed.InvoiceAsync(Store, "IP-1001", debtor, 500.00m);
        await fixture.Server.Workflows.StartAsync(record, default);
        await BrowserSeed.ContactAsync(Store, "ip-1-msg", "IP-1001", debtor, BrowserSeed.Now.AddDays(-10), "message", "Friendly reminder (SMS)",
            "Goedemorgen, we zagen dat factuur IP-1001 nog openstaat. Betalen kan via de link.");
        await Store.AddPaymentAsync(new PaymentRecord("pay-ip-1", "IP-1001", 200.00m, "EUR", BrowserSeed.Now.AddDays(-4), "mollie", BrowserSeed.Now.AddDays(-4)), default);
        await BrowserSeed.CallTaskAsync(Store, "call-ip-1", debtor, ["IP-1001"]);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "IP-1001" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Factuur IP-1001 — Drukkerij Letter" })).ToBeVisibleAsync();
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Goedemorgen, we zagen dat factuur IP-1001 nog openstaat.");
        await Assertions.Expect(main).ToContainTextAsync("Betaling van € 200,00 ontvangen");
        await Assertions.Expect(main).ToContainTextAsync("Wacht op de vervaldatum");
        await Assertions.Expect(main).ToContainTextAsync("een betaling, gespreksuitkomst of ander bericht over de factuur");
        await Assertions.Expect(main).ToContainTextAsync("Volgende stapVriendelijke herinnering");
        await PageChecks.AssertAccessibleAsync(page, "invoice");
    }

    [Fact]
    public async Task InvoicePage_Overpaid_ShownAsCreditOnThePageAndInTheStatus()
    {
        var debtor = BrowserSeed.Debtor("debtor-ip-op", "Bakkerij Brood");
        await BrowserSeed.InvoiceAsync(Store, "IP-OP01", debtor, 287.50m);
        await Store.AddPaymentAsync(new PaymentRecord("pay-ip-op", "IP-OP01", 1000.00m, "EUR", BrowserSeed.Now.AddHours(-1), "mollie", BrowserSeed.Now.AddHours(-1)), default);
        await InvoiceBalance.RefreshAsync(Store, "IP-OP01", default);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);

        await page.GotoAsync("/staff/invoices/IP-OP01");

        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("tegoed € 712,50");
        await Assertions.Expect(main).Not.ToContainTextAsync("-712");
        await Assertions.Expect(main).Not.ToContainTextAsync("−712");
        await PageChecks.AssertAccessibleAsync(page, "invoice-credit");
        using var status = JsonDocument.Parse(await fixture.Server.Client.GetStringAsync("/api/invoices/IP-OP01"));
        Assert.Equal(0m, status.RootElement.GetProperty("openBalance").GetDecimal());
        Assert.Equal(712.50m, status.RootElement.GetProperty("credit").GetDecimal());
    }

    [Fact]
    public async Task InvoicePage_OpenDisputeThenCancel_RaisedToWorkflow()
    {
        var debtor = BrowserSeed.Debtor("debtor-ip-2", "Studio Vorm");
        await BrowserSeed.InvoiceAsync(Store, "IP-2001", debtor);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        await page.GotoAsync("/staff/invoices/IP-2001?lang=en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open dispute (pause reminders)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a reason to open a dispute.");
        await page.GetByLabel("Reason (required for a new dispute)").FillAsync("Quality complaint by phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open dispute (pause reminders)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The dispute is open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel invoice" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The invoice is cancelled.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel invoice" })).ToHaveCountAsync(0);
        Assert.Equal(["dispute-open", "invoice-cancelled"], fixture.Server.Workflows.EventsFor("IP-2001"));
        Assert.Equal("cancelled", (await Store.GetInvoiceAsync("IP-2001", default))!.Status);
        await PageChecks.AssertAccessibleAsync(page, "invoice-english-cancelled");
    }

    [Fact]
    public async Task InvoicePage_PauseThenResume_ShownOnThePageAndRaisedToWorkflow()
    {
        var debtor = BrowserSeed.Debtor("debtor-ip-3", "Bloemenhuis Iris");
        await BrowserSeed.InvoiceAsync(Store, "IP-3001", debtor);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        await page.GotoAsync("/staff/invoices/IP-3001");

        await page.GetByLabel("Reden voor pauzeren (optioneel)").FillAsync("Klant ligt in het ziekenhuis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opvolging pauzeren" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De opvolging is gepauzeerd tot u die hervat.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Klant ligt in het ziekenhuis");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opvolging pauzeren" })).ToHaveCountAsync(0);
        await PageChecks.AssertAccessibleAsync(page, "invoice-paused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opvolging hervatten" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De opvolging is hervat.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opvolging pauzeren" })).ToBeVisibleAsync();
        Assert.Equal(["chasing-paused", "chasing-resumed"], fixture.Server.Workflows.EventsFor("IP-3001"));
        Assert.Equal(
            ["chasing-paused", "chasing-resumed"],
            (await Store.ListContactsAsync("IP-3001", default)).Select(entry => entry.Kind));
    }
}
