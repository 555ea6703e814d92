using Collections.Links;
using Collections.Storage;
using Collections.Web.DebtorPages;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

/// <summary>Anyone with a debtor link can post its forms: each field has a length limit, stated in the form
/// (maxlength) and checked on the server, and an over-long value is explained and stores nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DebtorFormLimitsTests(BrowserFixture fixture)
{
    private ICollectionsStore Store => fixture.Server.Store;

    [Fact]
    public async Task AlreadyPaid_ReferenceLongerThanASepaReference_ExplainedAndNothingLogged()
    {
        await BrowserSeed.InvoiceAsync(Store, "DL-1001", BrowserSeed.Debtor("debtor-dl-1", "Mevrouw Kok"));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Link("DL-1001"));
        await page.GetByText("Ik heb al betaald").ClickAsync();
        var reference = page.GetByLabel("Kenmerk of omschrijving van uw betaling");
        Assert.Equal("140", await reference.GetAttributeAsync("maxlength"));

        // A crafted post, past what the browser lets a person type.
        await reference.EvaluateAsync("input => { input.removeAttribute('maxlength'); input.value = 'x'.repeat(141); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Doorgeven" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("hoogstens 140 tekens");
        Assert.Empty(await Store.ListContactsAsync("DL-1001", default));
    }

    [Fact]
    public async Task ReportProblem_TextOverTheLimit_ExplainedAndNoDisputeOpened()
    {
        await BrowserSeed.InvoiceAsync(Store, "DL-2001", BrowserSeed.Debtor("debtor-dl-2", "Dhr. Bos"));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Link("DL-2001"));
        await page.GetByText("Er klopt iets niet").ClickAsync();
        var problem = page.Locator("#problem");
        Assert.Equal(DebtorRequests.MaxProblemLength.ToString(System.Globalization.CultureInfo.InvariantCulture), await problem.GetAttributeAsync("maxlength"));

        await problem.EvaluateAsync($"area => {{ area.removeAttribute('maxlength'); area.value = 'x'.repeat({DebtorRequests.MaxProblemLength + 1}); }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("hoogstens 2000 tekens");
        Assert.Empty(await Store.ListContactsAsync("DL-2001", default));
        Assert.Empty(fixture.Server.Workflows.EventsFor("DL-2001"));
    }

    private string Link(string invoiceNumber) =>
        DebtorLinkSigner.CreateLink(new Uri(fixture.Server.Address, "/debtor/"), BrowserFixture.DebtorLinkSecret, invoiceNumber, BrowserSeed.Now.AddDays(30)).ToString();
}
