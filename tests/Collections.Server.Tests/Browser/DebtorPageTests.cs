using System.Net;
using Collections.Links;
using Collections.Storage;
using Collections.Web.DebtorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DebtorPageTests(BrowserFixture fixture)
{
    private ICollectionsStore Store => fixture.Server.Store;

    [Fact]
    public async Task DebtorPage_LinkFromDebtorLinksOnPhone_InvoiceDetailsAndPayButton()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-1", "Mevrouw De Boer");
        await BrowserSeed.InvoiceAsync(Store, "DP-1001", debtor, 121.00m);
        var page = await fixture.NewPageAsync(phone: true);

        var link = fixture.Server.Services.GetRequiredService<DebtorLinks>().Create("DP-1001");

        await page.GotoAsync(link.PathAndQuery);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Factuur DP-1001" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hallo Mevrouw De Boer");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("PO-DP-1001");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1 februari 2026");
        var pay = page.GetByRole(AriaRole.Link, new() { Name = "Nu betalen (€ 121,00)" });
        Assert.Equal("https://pay.example.nl/i/DP-1001", await pay.GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("#next + p")).ToHaveTextAsync("Zodra uw betaling binnen is, sluiten wij deze factuur af. U krijgt er dan geen berichten meer over.");
        await PageChecks.AssertAccessibleAsync(page, "debtor-phone");
    }

    [Fact]
    public async Task DebtorPage_TamperedOrExpiredLink_NothingShown()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-2", "Dhr. Smit");
        await BrowserSeed.InvoiceAsync(Store, "DP-2001", debtor);
        await BrowserSeed.InvoiceAsync(Store, "DP-2002", debtor);
        var valid = Link("DP-2001");

        var otherInvoice = await fixture.Server.Anonymous.GetAsync(valid.Replace("DP-2001", "DP-2002", StringComparison.Ordinal));
        var expired = await fixture.Server.Anonymous.GetAsync(Link("DP-2001", BrowserSeed.Now.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.NotFound, otherInvoice.StatusCode);
        Assert.DoesNotContain("Dhr. Smit", await otherInvoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("verlopen", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebtorPage_ReportProblem_OpensDisputeForTheWorkflow()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-3", "Dhr. Visser");
        await BrowserSeed.InvoiceAsync(Store, "DP-3001", debtor);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Link("DP-3001"));

        await page.GetByText("Er klopt iets niet").ClickAsync();
        await page.GetByLabel("Wat klopt er niet?").FillAsync("Ik heb maar 2 van de 3 dozen ontvangen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sturen geen herinneringen");
        Assert.Equal(["dispute-open"], fixture.Server.Workflows.EventsFor("DP-3001"));
        var logged = Assert.Single(await Store.ListContactsAsync("DP-3001", default));
        Assert.Contains("2 van de 3 dozen", logged.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebtorPage_PlanNotAddingUp_ExplainedThenPlanAgreedAndRaisedToWorkflow()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-4", "Fam. Bakker");
        await BrowserSeed.InvoiceAsync(Store, "DP-4001", debtor, 200.00m);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Link("DP-4001"));

        await page.GetByText("Een betalingsregeling voorstellen").ClickAsync();
        await page.GetByLabel("Datum termijn 1").FillAsync("2026-04-20");
        await page.GetByLabel("Bedrag termijn 1").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("precies het openstaande bedrag");
        await PageChecks.AssertAccessibleAsync(page, "debtor-plan-error");
        await page.GetByLabel("Datum termijn 2").FillAsync("2026-03-20");
        await page.GetByLabel("Bedrag termijn 2").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("uw betalingsregeling is afgesproken");
        Assert.DoesNotContain(await Store.ListOpenCallTasksAsync(null, default), open => open.DebtorId == "debtor-dp-4");
        var raised = Assert.Single(fixture.Server.Workflows.Events, recorded => recorded.Invoice == "DP-4001");
        Assert.Equal("payment-plan-agreed", raised.Event);
        Assert.Equal(
            [new Workflow.Instalment(new DateOnly(2026, 3, 20), 100.00m), new Workflow.Instalment(new DateOnly(2026, 4, 20), 100.00m)],
            (IReadOnlyList<Workflow.Instalment>)raised.Payload);
        var logged = Assert.Single(await Store.ListContactsAsync("DP-4001", default));
        Assert.Equal("Debtor proposed a payment plan: 100.00 by 2026-04-20, 100.00 by 2026-03-20.", logged.Summary);
    }

    [Fact]
    public async Task DebtorPage_EnglishDebtorCallMeBack_CallTaskInChosenWindow()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-5", "Mr Brown", "en");
        await BrowserSeed.InvoiceAsync(Store, "DP-5001", debtor);
        var page = await fixture.NewPageAsync(locale: "en-GB");
        await page.GotoAsync(Link("DP-5001"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice DP-5001" })).ToBeVisibleAsync();
        await page.GetByText("Call me back").ClickAsync();
        await page.GetByLabel("On which working day?").FillAsync("2026-03-04");
        await page.GetByLabel("Afternoon (13:00–17:00)").CheckAsync();
        await PageChecks.AssertAccessibleAsync(page, "debtor-english-callback");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send call-back request" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We will call you");
        var task = Assert.Single(await Store.ListOpenCallTasksAsync(null, default), open => open.DebtorId == "debtor-dp-5");
        Assert.Equal("callback-requested", task.Script);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero), task.DueBy);
    }

    [Fact]
    public async Task DebtorPage_AlreadyPaidWithoutReference_AskedThenLogged()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-6", "Mevrouw Mulder");
        await BrowserSeed.InvoiceAsync(Store, "DP-6001", debtor);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Link("DP-6001"));

        await page.GetByText("Ik heb al betaald").ClickAsync();
        await page.GetByLabel("Betaaldatum (optioneel)").FillAsync("2026-02-28");
        await page.Locator("#paid-section form").EvaluateAsync("form => form.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Doorgeven" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul het kenmerk");
        await page.GetByLabel("Kenmerk of omschrijving van uw betaling").FillAsync("NL12 overboeking 28-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Doorgeven" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We kijken uw betaling na");
        var logged = Assert.Single(await Store.ListContactsAsync("DP-6001", default));
        Assert.Equal("Debtor says the invoice is paid on 2026-02-28, reference NL12 overboeking 28-02.", logged.Summary);
    }

    [Fact]
    public async Task DebtorPage_CreditorIbanAndPayLink_AsTheRemindersHaveThem()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-7", "Dhr. Peters");
        await BrowserSeed.InvoiceAsync(Store, "DP-7001", debtor, 121.00m);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(Link("DP-7001"));

        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Factuur vanVoorbeeld Installatietechniek B.V.");
        await Assertions.Expect(main).ToContainTextAsync("Sanne de Vries, 030 200 0000, debiteuren@example.nl");
        await Assertions.Expect(main).ToContainTextAsync("NL91 ABNA 0417 1643 00 t.n.v. Voorbeeld Installatietechniek B.V.");
        await Assertions.Expect(main).ToContainTextAsync("Maak € 121,00 over naar NL91 ABNA 0417 1643 00 t.n.v. Voorbeeld Installatietechniek B.V. en vermeld kenmerk DP-7001.");
        var pay = page.GetByRole(AriaRole.Link, new() { Name = "Nu betalen (€ 121,00)" });
        Assert.Equal("https://pay.example.nl/i/DP-7001", await pay.GetAttributeAsync("href"));
        await Assertions.Expect(main).Not.ToContainTextAsync("Incassokosten");
        await PageChecks.AssertAccessibleAsync(page, "debtor-creditor");
    }

    [Fact]
    public async Task DebtorPage_FinalNoticeTermPassed_CostsAndInterestAsStatedInTheNotice_NotBefore()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-8", "Mevrouw Kok");
        await BrowserSeed.InvoiceAsync(Store, "DP-8001", debtor, 242.00m);
        await BrowserSeed.InvoiceAsync(Store, "DP-8002", debtor, 242.00m);
        await FinalNoticeAsync("DP-8001", debtor, deadline: "2026-03-01");
        await FinalNoticeAsync("DP-8002", debtor, deadline: "2026-03-02");
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(Link("DP-8002"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nu betalen (€ 242,00)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Incassokosten");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(
            "Betaalt u uiterlijk 2 maart 2026? Dan komen er geen incassokosten bij. Betaalt u later, dan brengen wij € 40,00 incassokosten in rekening, zoals in onze aanmaning van 14 februari 2026 staat.");

        await page.GotoAsync(Link("DP-8001"));
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Incassokosten€ 40,00 (verschuldigd sinds 2 maart 2026)");
        await Assertions.Expect(main).ToContainTextAsync("Rente€ 1,23");
        await Assertions.Expect(main).ToContainTextAsync("Totaal te betalen€ 283,23");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nu betalen (€ 283,23)" })).ToBeVisibleAsync();
        await Assertions.Expect(main).Not.ToContainTextAsync("Betaalt u uiterlijk");
        await PageChecks.AssertAccessibleAsync(page, "debtor-costs-due");
    }

    [Fact]
    public async Task DebtorPage_BusinessFinalNotice_CostsChargedFromTheNotice_AsItSaid()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-9", "Bakkerij Brood B.V.") with { Kind = Collections.Invoices.DebtorKind.Business };
        await BrowserSeed.InvoiceAsync(Store, "DP-9001", debtor, 242.00m);
        await Store.AppendContactAsync(
            new ContactLogEntry(
                "fn-DP-9001", "DP-9001", debtor.Id, BrowserSeed.Now.AddDays(-2), "message", "final-notice (formal) by email",
                DataJson: """{"kind":"final-notice","balance":242.00,"costs":40.00,"interest":2.50,"announcedCosts":null,"deadline":"2026-03-10"}"""),
            default);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(Link("DP-9001"));

        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Incassokosten€ 40,00 (verschuldigd sinds 28 februari 2026)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nu betalen (€ 284,50)" })).ToBeVisibleAsync();
        await Assertions.Expect(main).ToContainTextAsync("Wij vragen u het totaalbedrag uiterlijk 10 maart 2026 te betalen, zoals in onze aanmaning van 28 februari 2026 staat.");
    }

    [Fact]
    public async Task DebtorPage_Disputed_SaysNoRemindersAndNothingAboutTheTerm()
    {
        var debtor = BrowserSeed.Debtor("debtor-dp-10", "Dhr. Bos");
        await BrowserSeed.InvoiceAsync(Store, "DP-10001", debtor, 242.00m);
        await FinalNoticeAsync("DP-10001", debtor, deadline: "2026-03-05");
        var record = await Store.GetInvoiceAsync("DP-10001", default);
        await Store.UpdateInvoiceAsync(record! with { Disputed = true }, default);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(Link("DP-10001"));

        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Zolang wij dat uitzoeken, sturen wij u geen herinneringen over deze factuur.");
        await Assertions.Expect(main).Not.ToContainTextAsync("Betaalt u uiterlijk");
    }

    /// <summary>A consumer's final notice as the message activity logs it: costs announced, interest stated.</summary>
    private Task FinalNoticeAsync(string invoiceNumber, Collections.Invoices.Debtor debtor, string deadline) =>
        Store.AppendContactAsync(
            new ContactLogEntry(
                $"fn-{invoiceNumber}", invoiceNumber, debtor.Id, BrowserSeed.Now.AddDays(-16), "message", "final-notice (formal) by email",
                DataJson: $$"""{"kind":"final-notice","balance":242.00,"costs":0,"interest":1.23,"announcedCosts":40.00,"deadline":"{{deadline}}"}"""),
            default);

    private string Link(string invoiceNumber, DateTimeOffset? expiresAt = null) =>
        DebtorLinkSigner.CreateLink(
            new Uri(fixture.Server.Address, "/debtor/"), BrowserFixture.DebtorLinkSecret, invoiceNumber, expiresAt ?? BrowserSeed.Now.AddDays(30)).ToString();
}
