using Collections.Storage;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Overview_OwnStore_FiguresByStagePromisesAndPaidAfterStep()
    {
        await using var server = await BrowserFixture.StartServerAsync();
        var store = server.Store;
        var debtor = BrowserSeed.Debtor("debtor-ov-1", "Overzicht BV");
        var open = await BrowserSeed.InvoiceAsync(store, "OV-1", debtor, 300.00m);
        await server.Workflows.StartAsync(open, default);
        // As the workflows' RecordStage activity writes it.
        await store.SetInvoiceProgressAsync("OV-1", new InvoiceProgress("wait-for-due-date"), default);
        await BrowserSeed.InvoiceAsync(store, "OV-2", debtor, 100.00m);
        // OV-2: a promise made in a call and not met, as its workflow counted them.
        await store.SetInvoiceProgressAsync("OV-2", new InvoiceProgress("follow-up-call", new LadderCounts("call", 1, 1)), default);
        var paid = await BrowserSeed.InvoiceAsync(store, "OV-3", debtor, 80.00m);
        await store.SetInvoiceProgressAsync("OV-3", new InvoiceProgress("watch-promise", new LadderCounts("call", 0, 0)), default);
        await store.UpdateInvoiceAsync(paid with { Status = "paid", OpenBalance = 0 }, default);
        await BrowserSeed.CallTaskAsync(store, "call-ov-1", debtor, ["OV-1", "OV-2"]);
        await store.AddApprovalAsync(new ApprovalRecord("appr-ov", "OV-2", "OV-2", "hand-over", "hash-ov", BrowserSeed.Now.AddDays(-1), BrowserSeed.Now.AddDays(6)), default);
        var page = await fixture.NewPageAsync(server: server.Address);
        await PageChecks.SignInAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Overzicht" }).ClickAsync();

        var main = page.Locator("main");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Wacht op de vervaldatum 1 € 300,00" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Vervolggesprek 1 € 100,00" })).ToBeVisibleAsync();
        await Assertions.Expect(main.Locator("dd").Nth(0)).ToHaveTextAsync("1");
        await Assertions.Expect(main.Locator("dd").Nth(1)).ToHaveTextAsync("0");
        await Assertions.Expect(main.Locator("dd").Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(main.Locator("dd").Nth(3)).ToHaveTextAsync("0 %");
        // Open € 400 of € 480 invoiced in the last 90 days: 400 / 480 × 90.
        await Assertions.Expect(main.Locator("dd").Nth(4)).ToHaveTextAsync("75 dagen");
        await Assertions.Expect(main.Locator("dd").Nth(5)).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#ageing-table").GetByRole(AriaRole.Row, new() { Name = "1–30 dagen 2 € 400,00" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ageing-table").GetByRole(AriaRole.Row, new() { Name = "Nog niet vervallen 0 € 0,00" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ended-table").GetByRole(AriaRole.Row, new() { Name = "Betaald 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ended-table").GetByRole(AriaRole.Row, new() { Name = "Overgedragen aan het incassobureau 0" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Telefoongesprek 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Betaald na stap" })).ToBeVisibleAsync();
        // The chart draws a bar per step: the most frequent step's bar spans the whole width, steps nobody paid after have none.
        var bars = await page.Locator("svg.chart rect").EvaluateAllAsync<string[]>("rects => rects.map(r => r.getAttribute('width'))");
        Assert.Contains("220", bars);
        Assert.Contains("0", bars);
        var barLabels = await page.Locator("svg.chart text").AllTextContentsAsync();
        Assert.Contains("Telefoongesprek", barLabels);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "OV-2" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "overview");
    }

    [Fact]
    public async Task Pages_WithTheirOwnContentSecurityPolicy_ScriptRunsWithoutViolations()
    {
        var debtor = BrowserSeed.Debtor("debtor-csp-1", "Csp Check");
        await BrowserSeed.InvoiceAsync(fixture.Server.Store, "CSP-1", debtor);
        await BrowserSeed.CallTaskAsync(fixture.Server.Store, "call-csp-1", debtor, ["CSP-1"]);
        var page = await fixture.NewPageAsync(bypassCsp: false);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await PageChecks.SignInAsync(page);
        var card = page.Locator("article.call").Filter(new() { HasText = "Csp Check" });

        await card.GetByLabel("Betalingsregeling").CheckAsync();

        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Termijn toevoegen" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByLabel("Betaalt uiterlijk op")).ToBeHiddenAsync();
        await page.GotoAsync("/staff/overview");
        Assert.Empty(violations);
    }
}
