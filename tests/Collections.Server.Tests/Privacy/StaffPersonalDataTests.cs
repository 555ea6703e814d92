using System.Net;
using Collections.Server.Tests.Staff;
using Collections.Server.Tests.Support;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Privacy;

/// <summary>The staff invoice page's export link and erase button, over real HTTP with a signed-in staff member's cookies
/// and the page's antiforgery token; the real workflow on the embedded runtime.</summary>
public sealed class StaffPersonalDataTests : IAsyncLifetime
{
    private const string User = "sanne";
    private const string Password = "correct horse battery";
    private const string Invoice = "2026-S001";
    private const string InvoicePage = "/staff/invoices/" + Invoice;

    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(
        [$"--Collections:Staff:Users:0:UserName={User}", $"--Collections:Staff:Users:0:PasswordHash={StaffPasswords.Hash(Password)}"],
        realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task OpenInvoice_EraseRefusedWithTheReason_NothingChanges()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid(Invoice)));
        await server.Driver.RunUntilIdleAsync();
        using var staff = await SignedInAsync();

        var refused = await staff.Client.PostAsync(InvoicePage + "/erasure", Form(await staff.TokenAsync(InvoicePage)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            $"Niet gewist: Invoices {Invoice} are open: their data is needed for the claim (GDPR art. 17(3)(e)). Erase once they are closed.",
            await SignInForm.AlertAsync(refused));
        Assert.Equal("Bakkerij De Korenbloem", (await server.Store.GetInvoiceAsync(Invoice, default))!.Invoice.Debtor.Name);
    }

    [Fact]
    public async Task ClosedInvoice_ExportLinkShowsTheData_EraseButtonErasesIt()
    {
        await FullLadder.RunAsync(server, Invoice, "Belt liever na vijven");
        using var staff = await SignedInAsync();
        var page = WebUtility.HtmlDecode(await staff.Client.GetStringAsync(InvoicePage));
        Assert.Contains("href=\"/staff/debtors/debtor-17/personal-data?format=html\">Gegevens van deze debiteur exporteren</a>", page, StringComparison.Ordinal);

        var html = await staff.Client.GetAsync("/staff/debtors/debtor-17/personal-data?format=html");
        var json = await staff.Client.GetAsync("/staff/debtors/debtor-17/personal-data");
        var erased = await staff.Client.PostAsync(InvoicePage + "/erasure", Form(await staff.TokenAsync(InvoicePage)));

        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Belt liever na vijven", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bakkerij De Korenbloem", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, erased.StatusCode);
        Assert.Equal(InvoicePage + "?done=erased", erased.Headers.Location?.OriginalString);
        Assert.DoesNotContain("Korenbloem", (await server.Store.GetInvoiceAsync(Invoice, default))!.Invoice.Debtor.Name, StringComparison.Ordinal);
        Assert.Contains("zijn gewist", await staff.Client.GetStringAsync(erased.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSignInOrToken_NoExportAndNoErasure()
    {
        await FullLadder.RunAsync(server, Invoice, "Belt liever na vijven");
        using var anonymous = new SignInForm(server.Address);
        using var staff = await SignedInAsync();

        var export = await anonymous.Client.GetAsync("/staff/debtors/debtor-17/personal-data?format=html");
        var withoutToken = await staff.Client.PostAsync(InvoicePage + "/erasure", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.StartsWith("/staff/sign-in", export.Headers.Location?.PathAndQuery ?? export.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal("Bakkerij De Korenbloem", (await server.Store.GetInvoiceAsync(Invoice, default))!.Invoice.Debtor.Name);
    }

    private async Task<SignInForm> SignedInAsync()
    {
        var form = new SignInForm(server.Address);
        Assert.Equal(HttpStatusCode.SeeOther, (await form.PostAsync(User, Password)).StatusCode);
        return form;
    }

    private static FormUrlEncodedContent Form(string token) => new([KeyValuePair.Create("__form", token)]);
}
