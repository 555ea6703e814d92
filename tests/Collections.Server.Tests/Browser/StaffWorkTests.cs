using Collections.Storage;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

/// <summary>The staff work surface walked as staff would: find an invoice, open its debtor, work a task from the inbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffWorkTests(BrowserFixture fixture)
{
    private ICollectionsStore Store => fixture.Server.Store;

    [Fact]
    public async Task InvoiceList_SearchByDebtorName_FindsOnlyTheirInvoicesAndLinksToTheDebtorView()
    {
        var debtor = BrowserSeed.Debtor("debtor-sw-1", "Garage Zoekmij");
        await BrowserSeed.InvoiceAsync(Store, "SW-1001", debtor, 120.00m);
        await BrowserSeed.InvoiceAsync(Store, "SW-1002", debtor, 80.00m);
        await BrowserSeed.InvoiceAsync(Store, "SW-1003", BrowserSeed.Debtor("debtor-sw-2", "Iemand Anders"));
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Facturen" }).ClickAsync();
        await page.GetByLabel("Zoeken (nummer, klant, kenmerk)").FillAsync("zoekmij");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        var results = page.Locator("table tbody tr");
        await Assertions.Expect(results).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("table")).Not.ToContainTextAsync("SW-1003");
        await PageChecks.AssertAccessibleAsync(page, "staff-invoices");
        await results.First.GetByRole(AriaRole.Link, new() { Name = "Garage Zoekmij" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Garage Zoekmij", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#invoices")).ToContainTextAsync("Facturen (2)");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("SW-1002");
        await PageChecks.AssertAccessibleAsync(page, "staff-debtor");
    }

    [Fact]
    public async Task InvoiceList_FilterByWorkflowStep_FindsTheInvoicesAtThatStep()
    {
        var debtor = BrowserSeed.Debtor("debtor-sw-9", "Stapel Stappen");
        await BrowserSeed.InvoiceAsync(Store, "SW-9001", debtor);
        await BrowserSeed.InvoiceAsync(Store, "SW-9002", debtor);
        // As the workflows' RecordStage activity writes them.
        await Store.SetInvoiceProgressAsync("SW-9001", new InvoiceProgress("final-notice-term"), default);
        await Store.SetInvoiceProgressAsync("SW-9002", new InvoiceProgress("watch-promise"), default);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        await page.GotoAsync("/staff/invoices");

        await page.GetByLabel("Zoeken (nummer, klant, kenmerk)").FillAsync("stappen");
        await page.GetByLabel("Stap in de workflow").SelectOptionAsync("final-notice-term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        var results = page.Locator("table tbody tr");
        await Assertions.Expect(results).ToHaveCountAsync(1);
        await Assertions.Expect(results).ToContainTextAsync("SW-9001");
        Assert.Contains("stage=final-notice-term", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Stap in de workflow")).ToHaveValueAsync("final-notice-term");
        await Assertions.Expect(results.Locator("td").Last).ToHaveTextAsync("Termijn van de laatste aanmaning");

        await results.GetByRole(AriaRole.Link, new() { Name = "Stapel Stappen" }).ClickAsync();

        var rows = page.Locator("#invoices").Locator("..").Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "SW-9001" })).ToContainTextAsync("Termijn van de laatste aanmaning");
        await Assertions.Expect(rows.Filter(new() { HasText = "SW-9002" })).ToContainTextAsync("Toezegging loopt");
    }

    [Fact]
    public async Task TaskInbox_AssignThenCloseWithNote_TaskLeavesInboxAndShowsClosedOnTheDebtorView()
    {
        var debtor = BrowserSeed.Debtor("debtor-sw-3", "Bakkerij Taak");
        await BrowserSeed.InvoiceAsync(Store, "SW-3001", debtor);
        await Store.AddStaffTaskAsync(
            new StaffTaskRecord(
                "invoice-SW-3001:00004:abc", StaffTaskKinds.WrongNumber, "SW-3001", debtor.Id, "Wrong phone number +31612345678: find the right number.", BrowserSeed.Now, StaffTaskStatus.Open,
                DetailsJson: """{"text":"wrong-number","phone":"+31612345678"}"""),
            default);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Taken" }).ClickAsync();
        var card = page.Locator("article[data-task='invoice-SW-3001:00004:abc']");
        await Assertions.Expect(card).ToContainTextAsync("Verkeerd of ontbrekend telefoonnummer");
        await Assertions.Expect(card).ToContainTextAsync("Verkeerd telefoonnummer 06 12345678: zoek het juiste nummer.");
        await Assertions.Expect(card).Not.ToContainTextAsync("find the right number");
        await PageChecks.AssertAccessibleAsync(page, "staff-tasks");
        await card.GetByLabel("Toewijzen aan").FillAsync(BrowserFixture.SecondUser);
        await card.GetByRole(AriaRole.Button, new() { Name = "Toewijzen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De taak is toegewezen.");
        await Assertions.Expect(card).ToContainTextAsync(BrowserFixture.SecondUser);

        await card.GetByLabel("Wat is er gedaan").FillAsync("Klant gebeld via het kantoor; nieuw nummer ingevoerd.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Taak sluiten" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De taak is gesloten.");
        await Assertions.Expect(card).ToHaveCountAsync(0);
        var closed = (await Store.GetStaffTaskAsync("invoice-SW-3001:00004:abc", default))!;
        Assert.Equal((StaffTaskStatus.Closed, "Sanne de Vries", BrowserFixture.SecondUser), (closed.Status, closed.ClosedBy, closed.Assignee));
        await page.GotoAsync("/staff/debtors/debtor-sw-3");
        await Assertions.Expect(page.Locator("#tasks").Locator("..")).ToContainTextAsync("gesloten door Sanne de Vries: Klant gebeld via het kantoor; nieuw nummer ingevoerd.");
    }

    [Fact]
    public async Task TaskInbox_CloseWithoutNote_AlertAndTaskStaysOpen()
    {
        var debtor = BrowserSeed.Debtor("debtor-sw-4", "Fietsen Leeg");
        await BrowserSeed.InvoiceAsync(Store, "SW-4001", debtor);
        await Store.AddStaffTaskAsync(
            new StaffTaskRecord("invoice-SW-4001:00002:abc", StaffTaskKinds.Dispute, "SW-4001", debtor.Id, "Dispute: wrong amount.", BrowserSeed.Now, StaffTaskStatus.Open), default);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        await page.GotoAsync("/staff/tasks");
        var card = page.Locator("article[data-task='invoice-SW-4001:00002:abc']");

        await card.GetByLabel("Wat is er gedaan").EvaluateAsync("element => element.removeAttribute('required')");
        await card.GetByLabel("Wat is er gedaan").FillAsync("   ");
        await card.GetByRole(AriaRole.Button, new() { Name = "Taak sluiten" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul in wat er is gedaan");
        Assert.Equal(StaffTaskStatus.Open, (await Store.GetStaffTaskAsync("invoice-SW-4001:00002:abc", default))!.Status);
    }

    [Fact]
    public async Task InvoicePage_EditContactDetails_StoredAndRaisedToTheWorkflow()
    {
        var debtor = BrowserSeed.Debtor("debtor-sw-5", "Kapper Nieuwnummer");
        await BrowserSeed.InvoiceAsync(Store, "SW-5001", debtor);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        await page.GotoAsync("/staff/invoices/SW-5001");

        await page.GetByLabel("Telefoon", new() { Exact = true }).FillAsync("06 23456789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Contactgegevens opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De contactgegevens zijn opgeslagen");
        Assert.Equal("+31623456789", (await Store.GetInvoiceAsync("SW-5001", default))!.Invoice.Debtor.Phone);
        Assert.Contains("contact-details-updated", fixture.Server.Workflows.EventsFor("SW-5001"));
        await PageChecks.AssertAccessibleAsync(page, "staff-invoice-fix");
    }

    [Fact]
    public async Task InvoicePage_AmendAmount_StoredAndRaisedToTheWorkflow_BadAmountRefused()
    {
        var debtor = BrowserSeed.Debtor("debtor-sw-6", "Drukkerij Correctie");
        await BrowserSeed.InvoiceAsync(Store, "SW-6001", debtor, 242.00m);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);
        await page.GotoAsync("/staff/invoices/SW-6001");

        await page.GetByLabel("Factuurbedrag", new() { Exact = true }).FillAsync("veel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul het bedrag in als getal");
        Assert.Equal(242.00m, (await Store.GetInvoiceAsync("SW-6001", default))!.Invoice.Amount);

        await page.GetByLabel("Factuurbedrag", new() { Exact = true }).FillAsync("199,50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De factuur is gecorrigeerd");
        Assert.Equal(199.50m, (await Store.GetInvoiceAsync("SW-6001", default))!.Invoice.Amount);
        Assert.Contains("invoice-amended", fixture.Server.Workflows.EventsFor("SW-6001"));
    }

    [Fact]
    public async Task OpenItemsCsv_SignedIn_ListsOpenInvoicesWithDaysOverdue_PaidOnesLeftOut()
    {
        var debtor = BrowserSeed.Debtor("debtor-sw-7", "Export Open");
        await BrowserSeed.InvoiceAsync(Store, "SW-7001", debtor, 310.00m);
        var paid = await BrowserSeed.InvoiceAsync(Store, "SW-7002", debtor);
        await Store.UpdateInvoiceAsync(paid with { Status = "paid", OpenBalance = 0m }, default);
        var page = await fixture.NewPageAsync();
        await PageChecks.SignInAsync(page);

        var response = await page.Context.APIRequest.GetAsync("/staff/overview/open-items.csv");
        var csv = await response.TextAsync();

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"], StringComparison.Ordinal);
        var line = Assert.Single(csv.Split('\n'), row => row.StartsWith("SW-7001,", StringComparison.Ordinal));
        Assert.Contains(",2026-02-15,", line, StringComparison.Ordinal);
        Assert.Contains(",310.00,310.00,EUR,no,no", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SW-7002", csv, StringComparison.Ordinal);
    }
}
