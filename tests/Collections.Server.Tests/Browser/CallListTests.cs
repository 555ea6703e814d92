using System.Text.Json;
using Collections.Storage;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CallListTests(BrowserFixture fixture)
{
    private ICollectionsStore Store => fixture.Server.Store;

    [Fact]
    public async Task CallList_DebtorWithTwoInvoices_OneCardWithTotalScriptAndHistoryTomorrowsCallNotShown()
    {
        var debtor = BrowserSeed.Debtor("debtor-cl-1", "Fam. Jansen");
        await BrowserSeed.InvoiceAsync(Store, "CL-1001", debtor, 100.00m);
        await BrowserSeed.InvoiceAsync(Store, "CL-1002", debtor, 50.50m);
        await BrowserSeed.ContactAsync(Store, "cl-1-msg", "CL-1001", debtor, BrowserSeed.Now.AddDays(-5), "message", "Friendly reminder sent by SMS");
        await BrowserSeed.ContactAsync(Store, "cl-1-promise", "CL-1001", debtor, BrowserSeed.Now.AddDays(-3), "call-outcome", "Call outcome: promised to pay by 2026-02-27");
        await BrowserSeed.ContactAsync(Store, "cl-1-broken", "CL-1001", debtor, BrowserSeed.Now.AddDays(-2), "promise-broken", "Promise of 2026-02-27 not kept");
        await BrowserSeed.CallTaskAsync(Store, "call-cl-1", debtor, ["CL-1001", "CL-1002"], script: "follow-up");
        var tomorrow = BrowserSeed.Debtor("debtor-cl-1b", "Morgen Bellen");
        await BrowserSeed.InvoiceAsync(Store, "CL-1003", tomorrow);
        await BrowserSeed.CallTaskAsync(Store, "call-cl-1b", tomorrow, ["CL-1003"], dueBy: BrowserSeed.Now.AddDays(1));
        var page = await fixture.NewPageAsync();

        await PageChecks.SignInAsync(page);
        await Assertions.Expect(Card(page, "Morgen Bellen")).ToHaveCountAsync(0);
        var card = Card(page, "Fam. Jansen");

        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("€ 150,50");
        var call = card.GetByRole(AriaRole.Link, new() { Name = "06 12345678" });
        Assert.Equal("tel:+31612345678", await call.GetAttributeAsync("href"));
        await Assertions.Expect(card).ToContainTextAsync("CL-1001");
        await Assertions.Expect(card).ToContainTextAsync("CL-1002");
        await Assertions.Expect(card).ToContainTextAsync("Vervolggesprek");
        await Assertions.Expect(card.GetByText("Promise of 2026-02-27 not kept").First).ToBeVisibleAsync();
        await card.GetByText("Belscript voor dit gesprek").ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("eerdere uitspraken");
        await card.GetByText("Contactgeschiedenis (3)").ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Friendly reminder sent by SMS");
        await PageChecks.AssertAccessibleAsync(page, "call-list");
    }

    [Fact]
    public async Task CallList_PromiseToPay_RaisedToWorkflowAndLeavesList()
    {
        var debtor = BrowserSeed.Debtor("debtor-cl-2", "Kapsalon Knip");
        await BrowserSeed.InvoiceAsync(Store, "CL-2001", debtor);
        await BrowserSeed.CallTaskAsync(Store, "call-cl-2", debtor, ["CL-2001"]);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        var card = Card(page, "Kapsalon Knip");

        await card.GetByLabel("Belooft te betalen").CheckAsync();
        await card.GetByLabel("Betaalt uiterlijk op").FillAsync("2026-03-09");
        await card.GetByRole(AriaRole.Button, new() { Name = "Uitkomst opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uitkomst vastgelegd voor Kapsalon Knip");
        await Assertions.Expect(Card(page, "Kapsalon Knip")).ToHaveCountAsync(0);
        Assert.Equal(["call-outcome-recorded"], fixture.Server.Workflows.EventsFor("CL-2001"));
        var outcome = JsonDocument.Parse((await Store.GetCallTaskAsync("call-cl-2", default))!.Outcome!).RootElement;
        Assert.Equal("promise-to-pay", outcome.GetProperty("outcome").GetString());
        Assert.Equal("2026-03-09", outcome.GetProperty("promisedDate").GetString());
        Assert.Equal("Sanne de Vries", outcome.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task CallList_TaskExpiredWhileOpenOnScreen_AlertSaysSoNothingRecorded()
    {
        var debtor = BrowserSeed.Debtor("debtor-cl-9", "Bloemenhuis Roos");
        await BrowserSeed.InvoiceAsync(Store, "CL-2009", debtor);
        var task = await BrowserSeed.CallTaskAsync(Store, "call-cl-9", debtor, ["CL-2009"]);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        var card = Card(page, "Bloemenhuis Roos");
        var stored = (await Store.GetCallTaskAsync(task.Id, default))!;
        await Store.UpdateCallTaskAsync(stored with { Status = "cancelled", Outcome = """{"cancelled":"not worked; escalated to the supervisor"}""" }, default);

        await card.GetByLabel("Geen gehoor").CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Uitkomst opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(
            "Dit gesprek stond niet meer open, dus de uitkomst is niet vastgelegd: de tijd voor dit gesprek was verstreken");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        Assert.Empty(fixture.Server.Workflows.EventsFor("CL-2009"));
        await PageChecks.AssertAccessibleAsync(page, "call-list-expired");
    }

    [Fact]
    public async Task CallList_PaymentPlanBuilder_RunningTotalAndInstalmentsSaved()
    {
        var debtor = BrowserSeed.Debtor("debtor-cl-3", "Garage Van Dijk");
        await BrowserSeed.InvoiceAsync(Store, "CL-3001", debtor, 300.00m);
        await BrowserSeed.CallTaskAsync(Store, "call-cl-3", debtor, ["CL-3001"]);
        var page = await fixture.NewPageAsync(phone: true);
        await PageChecks.SignInAsync(page);
        var card = Card(page, "Garage Van Dijk");

        await card.GetByLabel("Betalingsregeling").CheckAsync();
        await card.GetByLabel("Datum termijn 1").FillAsync("2026-03-15");
        await card.GetByLabel("Bedrag termijn 1").FillAsync("100");
        await card.GetByLabel("Datum termijn 2").FillAsync("2026-04-15");
        await card.GetByLabel("Bedrag termijn 2").FillAsync("100");
        await card.GetByRole(AriaRole.Button, new() { Name = "Termijn toevoegen" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Termijn toevoegen" }).ClickAsync();
        await card.GetByLabel("Datum termijn 3").FillAsync("2026-05-15");
        await card.GetByLabel("Bedrag termijn 3").FillAsync("60");
        await card.GetByLabel("Datum termijn 4").FillAsync("2026-06-15");
        await card.GetByLabel("Bedrag termijn 4").FillAsync("40");

        await Assertions.Expect(card.Locator("[data-plan-total]")).ToHaveTextAsync("Totaal € 300,00 van € 300,00; nog te verdelen € 0,00.");
        await PageChecks.AssertAccessibleAsync(page, "call-list-phone-plan");
        await card.GetByRole(AriaRole.Button, new() { Name = "Uitkomst opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Garage Van Dijk");
        var outcome = JsonDocument.Parse((await Store.GetCallTaskAsync("call-cl-3", default))!.Outcome!).RootElement;
        Assert.Equal([100m, 100m, 60m, 40m], outcome.GetProperty("instalments").EnumerateArray().Select(row => row.GetProperty("amount").GetDecimal()));
        Assert.Equal("2026-06-15", outcome.GetProperty("instalments")[3].GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task CallList_PaymentPlanWithoutAmount_ClearMessageNothingSaved()
    {
        var debtor = BrowserSeed.Debtor("debtor-cl-4", "Bloemist Roos");
        await BrowserSeed.InvoiceAsync(Store, "CL-4001", debtor);
        await BrowserSeed.CallTaskAsync(Store, "call-cl-4", debtor, ["CL-4001"]);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        var card = Card(page, "Bloemist Roos");

        await card.GetByLabel("Betalingsregeling").CheckAsync();
        await card.GetByLabel("Datum termijn 1").FillAsync("2026-03-15");
        await card.GetByRole(AriaRole.Button, new() { Name = "Uitkomst opslaan" }).ClickAsync();

        var failed = Card(page, "Bloemist Roos");
        await Assertions.Expect(failed.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul voor termijn 1 een bedrag groter dan nul in.");
        await Assertions.Expect(failed.GetByLabel("Datum termijn 1")).ToHaveValueAsync("2026-03-15");
        Assert.Equal("open", (await Store.GetCallTaskAsync("call-cl-4", default))!.Status);
        Assert.Empty(fixture.Server.Workflows.EventsFor("CL-4001"));
        await PageChecks.AssertAccessibleAsync(page, "call-list-errors");
    }

    [Theory]
    [InlineData("paid-now", "Paid now")]
    [InlineData("hardship", "Hardship")]
    [InlineData("no-answer", "No answer")]
    [InlineData("wrong-number", "Wrong number")]
    [InlineData("dispute", "Dispute")]
    [InlineData("callback-requested", "Call back")]
    public async Task CallList_EnglishOutcome_RecordedWithItsDetails(string kind, string label)
    {
        var debtor = BrowserSeed.Debtor($"debtor-cl-{kind}", $"Customer {kind}", "en");
        await BrowserSeed.InvoiceAsync(Store, $"CL-{kind}", debtor);
        await BrowserSeed.CallTaskAsync(Store, $"call-cl-{kind}", debtor, [$"CL-{kind}"]);
        var page = await fixture.NewPageAsync(locale: "en-GB");
        await PageChecks.SignInAsync(page);
        await page.GotoAsync("/staff/calls?lang=en");
        var card = Card(page, $"Customer {kind}");

        await card.GetByLabel(label, new() { Exact = true }).CheckAsync();
        if (kind == "dispute")
        {
            await card.GetByLabel("Reason for the dispute").FillAsync("Delivered the wrong colour");
        }

        if (kind == "callback-requested")
        {
            await card.GetByLabel("Call back at (date and time)").FillAsync("2026-03-03T14:30");
        }

        await card.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Outcome recorded for Customer {kind}");
        var outcome = JsonDocument.Parse((await Store.GetCallTaskAsync($"call-cl-{kind}", default))!.Outcome!).RootElement;
        Assert.Equal(kind, outcome.GetProperty("outcome").GetString());
        Assert.Equal(["call-outcome-recorded"], fixture.Server.Workflows.EventsFor($"CL-{kind}"));
        if (kind == "dispute")
        {
            Assert.Equal("Delivered the wrong colour", outcome.GetProperty("reason").GetString());
        }

        if (kind == "callback-requested")
        {
            // 14:30 in Amsterdam (CET, UTC+1) on 3 March.
            Assert.Equal(new DateTimeOffset(2026, 3, 3, 13, 30, 0, TimeSpan.Zero), outcome.GetProperty("callbackAt").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task CallList_KeyboardOnly_RecordsNoAnswer()
    {
        var debtor = BrowserSeed.Debtor("debtor-cl-kb", "Toetsenbord Tim");
        await BrowserSeed.InvoiceAsync(Store, "CL-KB", debtor);
        await BrowserSeed.CallTaskAsync(Store, "call-cl-kb", debtor, ["CL-KB"]);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        var card = Card(page, "Toetsenbord Tim");

        await card.GetByLabel("Nu betaald").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        for (var step = 0; step < 5; step++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Assertions.Expect(card.GetByLabel("Geen gehoor")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(card.GetByLabel("Notitie (optioneel)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Voicemail ingesproken");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Toetsenbord Tim");
        var outcome = JsonDocument.Parse((await Store.GetCallTaskAsync("call-cl-kb", default))!.Outcome!).RootElement;
        Assert.Equal("no-answer", outcome.GetProperty("outcome").GetString());
        Assert.Equal("Voicemail ingesproken", outcome.GetProperty("note").GetString());
    }

    [Fact]
    public async Task CallList_TaskPlannedThisMorningDueLater_BestTimeIsThePlannedTime()
    {
        var debtor = BrowserSeed.Debtor("debtor-cl-bt", "Garage Vos");
        await BrowserSeed.InvoiceAsync(Store, "CL-BT01", debtor);
        await BrowserSeed.CallTaskAsync(Store, "call-cl-bt", debtor, ["CL-BT01"], plannedAt: BrowserSeed.Now.AddMinutes(30), dueBy: BrowserSeed.Now.AddHours(7));
        var page = await fixture.NewPageAsync();

        await PageChecks.SignInAsync(page);

        var card = Card(page, "Garage Vos");
        await Assertions.Expect(card).ToContainTextAsync("Vandaag vanaf 10:30, binnen kantooruren");
        await Assertions.Expect(card).Not.ToContainTextAsync("vanaf 17:00");
    }

    private static ILocator Card(IPage page, string debtorName) =>
        page.Locator("article.call").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = debtorName, Exact = true }) });
}
