using Collections.AzureFunctions.Http;
using Collections.Invoices;
using Collections.Links;
using Collections.Messaging;
using Collections.Server.Tests.Storage;
using Collections.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests.Http;

/// <summary>The debtor page's triggers over the Functions app's own registrations, on a real Azurite (store and
/// Data Protection key ring): two instances on one account, as when the app scales out. The form shown by one
/// instance is accepted by the other; a post without the form's antiforgery token, or with a forged link, changes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DebtorFunctionsTests(AzuriteFixture azurite)
{
    private readonly string tablePrefix = "fn" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task FormShownByOneInstance_IsAcceptedByAnother()
    {
        await using var first = Instance();
        await using var second = Instance();
        var (number, e, s) = await SeedInvoiceAsync(first);

        var page = await FunctionsAppInstance.RunAsync(first, http => Functions(first).ShowDebtorPage(http.Request, number), "/debtor/" + number, Query(e, s));
        var answer = await FunctionsAppInstance.RunAsync(
            second, http => Functions(second).ActOnDebtorPage(http.Request, number, "paid"), "/debtor/" + number + "/paid", Query(e, s),
            form: $"__form={Uri.EscapeDataString(FunctionsAppInstance.FormToken(page.Body))}&reference=bank-2026-03-05", cookie: page.SetCookie);

        Assert.Equal(StatusCodes.Status200OK, page.StatusCode);
        Assert.Equal("noindex", page.Headers["X-Robots-Tag"]);
        Assert.Equal(StatusCodes.Status303SeeOther, answer.StatusCode);
        Assert.Contains("done=paid", answer.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Contains(await Contacts(second, number), contact => contact.Kind == "debtor-reported-payment");
    }

    [Fact]
    public async Task PostWithoutTheFormsToken_ChangesNothing()
    {
        await using var instance = Instance();
        var (number, e, s) = await SeedInvoiceAsync(instance);

        var answer = await FunctionsAppInstance.RunAsync(instance, http => Functions(instance).ActOnDebtorPage(http.Request, number, "paid"), "/debtor/" + number + "/paid", Query(e, s), form: "reference=bank-2026-03-05");

        Assert.Equal(StatusCodes.Status400BadRequest, answer.StatusCode);
        Assert.DoesNotContain(await Contacts(instance, number), contact => contact.Kind == "debtor-reported-payment");
    }

    [Fact]
    public async Task PageWithAnAlteredSignature_IsRefused()
    {
        await using var instance = Instance();
        var (number, e, _) = await SeedInvoiceAsync(instance);

        var page = await FunctionsAppInstance.RunAsync(instance, http => Functions(instance).ShowDebtorPage(http.Request, number), "/debtor/" + number, Query(e, "AAAAAAAAAAAAAAAAAAAAAA"));

        Assert.Equal(StatusCodes.Status404NotFound, page.StatusCode);
        Assert.Contains("<html lang=\"nl\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("<h1>Deze link werkt niet</h1>", page.Body, StringComparison.Ordinal);
    }

    private ServiceProvider Instance() => FunctionsAppInstance.Create(azurite.ConnectionString, tablePrefix);

    private static DebtorFunctions Functions(IServiceProvider instance) => ActivatorUtilities.CreateInstance<DebtorFunctions>(instance);

    private static async Task<(string Number, string E, string S)> SeedInvoiceAsync(IServiceProvider instance)
    {
        var number = "F-" + Guid.NewGuid().ToString("N")[..8];
        var debtor = new Debtor("D-9", "Jansen Bakery", DebtorKind.Business, "info@jansen.example", "+31612345678", Channel.Email, "nl", new PaymentHistory(0, 3, 0));
        await instance.GetRequiredService<ICollectionsStore>().AddInvoiceAsync(
            new InvoiceRecord(new Invoice(number, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), 250m, "EUR", debtor, "PO-9", "exact"), "hash", DateTimeOffset.UtcNow, "open", 250m),
            CancellationToken.None);
        var link = DebtorLinkSigner.CreateLink(new Uri("https://collections.example.nl/debtor/"), FunctionsAppInstance.LinkSecret, number, DateTimeOffset.UtcNow.AddDays(30));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        return (number, query["e"].ToString(), query["s"].ToString());
    }

    private static async Task<IReadOnlyList<ContactLogEntry>> Contacts(IServiceProvider instance, string number) =>
        await instance.GetRequiredService<ICollectionsStore>().ListContactsAsync(number, CancellationToken.None);

    private static string Query(string e, string s) => $"?e={Uri.EscapeDataString(e)}&s={Uri.EscapeDataString(s)}";
}
