using Collections.AzureFunctions.Http;
using Collections.Invoices;
using Collections.Server.Tests.Storage;
using Collections.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests.Http;

/// <summary>The staff pages through the Functions app's one staff trigger, over its own registrations on a real Azurite:
/// staff signed in by App Service authentication (its identity header) work the same pages as on the self-hosted
/// server, across two instances of the app; without the header they are sent to App Service's sign-in, and with App
/// Service authentication off the pages are off.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffPageFunctionsTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> SignedIn = new() { ["X-MS-CLIENT-PRINCIPAL-NAME"] = "sanne@example.nl" };
    private readonly string tablePrefix = "st" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task SignedInByAppService_InboxOnOneInstance_TaskAssignedOnAnother()
    {
        await using var first = Instance(trustAppService: true);
        await using var second = Instance(trustAppService: true);
        var number = await SeedAsync(first);

        var inbox = await RunAsync(first, "/staff/tasks", headers: SignedIn);
        var list = await RunAsync(first, "/staff/invoices", query: "?q=bakkerij", headers: SignedIn);
        var assigned = await RunAsync(
            second, "/staff/tasks/task-" + number + "/assign",
            form: $"__form={Uri.EscapeDataString(FunctionsAppInstance.FormToken(inbox.Body))}&assignee=sanne%40example.nl", cookie: inbox.SetCookie, headers: SignedIn);

        Assert.Equal(StatusCodes.Status200OK, inbox.StatusCode);
        Assert.Contains("Verkeerd telefoonnummer 06 12345678: zoek het juiste nummer.", inbox.Body, StringComparison.Ordinal);
        Assert.Contains("Afmelden (sanne@example.nl)", inbox.Body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status200OK, list.StatusCode);
        Assert.Contains($">{number}</a>", list.Body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status303SeeOther, assigned.StatusCode);
        Assert.Equal("/staff/tasks?done=assign", assigned.Headers.Location.ToString());
        var task = await second.GetRequiredService<ICollectionsStore>().GetStaffTaskAsync("task-" + number, CancellationToken.None);
        Assert.Equal("sanne@example.nl", task!.Assignee);
    }

    [Fact]
    public async Task PostWithoutTheFormsToken_ChangesNothing()
    {
        await using var instance = Instance(trustAppService: true);
        var number = await SeedAsync(instance);

        var answer = await RunAsync(instance, "/staff/tasks/task-" + number + "/assign", form: "assignee=mallory", headers: SignedIn);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.StatusCode);
        Assert.Null((await instance.GetRequiredService<ICollectionsStore>().GetStaffTaskAsync("task-" + number, CancellationToken.None))!.Assignee);
    }

    [Fact]
    public async Task WithoutTheIdentityHeader_SentToAppServiceSignIn_AndBroughtBack()
    {
        await using var instance = Instance(trustAppService: true);

        var answer = await RunAsync(instance, "/staff/calls");

        Assert.Equal(StatusCodes.Status302Found, answer.StatusCode);
        Assert.Equal("https://collections.example.nl/.auth/login/aad?post_login_redirect_uri=%2Fstaff%2Fcalls", answer.Headers.Location.ToString());
    }

    [Fact]
    public async Task SignOut_EndsTheAppServiceSession()
    {
        await using var instance = Instance(trustAppService: true);
        var page = await RunAsync(instance, "/staff/calls", headers: SignedIn);

        var answer = await RunAsync(
            instance, "/staff/sign-out", form: $"__form={Uri.EscapeDataString(FunctionsAppInstance.FormToken(page.Body))}", cookie: page.SetCookie, headers: SignedIn);

        Assert.Equal(StatusCodes.Status303SeeOther, answer.StatusCode);
        Assert.Equal("/.auth/logout", answer.Headers.Location.ToString());
    }

    [Fact]
    public async Task AppServiceAuthenticationOff_PagesOff_EvenWithTheHeader()
    {
        await using var instance = Instance(trustAppService: false);

        var answer = await RunAsync(instance, "/staff/tasks", headers: SignedIn);

        Assert.Equal(StatusCodes.Status404NotFound, answer.StatusCode);
        Assert.Contains("The staff pages are off", answer.Body, StringComparison.Ordinal);
    }

    private ServiceProvider Instance(bool trustAppService) =>
        FunctionsAppInstance.Create(azurite.ConnectionString, tablePrefix, new Dictionary<string, string?> { ["Collections:Staff:TrustAppServiceAuthentication"] = trustAppService ? "true" : "false" });

    private static Task<FunctionsAppInstance.Answer> RunAsync(
        IServiceProvider instance, string path, string query = "", string? form = null, string? cookie = null, IReadOnlyDictionary<string, string>? headers = null) =>
        FunctionsAppInstance.RunAsync(
            instance, http => Task.FromResult(ActivatorUtilities.CreateInstance<StaffPageFunctions>(instance).StaffPages(http.Request)), path, query, form, cookie, headers);

    /// <summary>An open invoice of "Bakkerij Azure" with a wrong-number task, as the workflow raises it.</summary>
    private static async Task<string> SeedAsync(IServiceProvider instance)
    {
        var store = instance.GetRequiredService<ICollectionsStore>();
        var number = "F-" + Guid.NewGuid().ToString("N")[..8];
        var debtor = new Debtor("D-" + number, "Bakkerij Azure", DebtorKind.Business, "info@bakkerij.example", "+31612345678", Channel.Email, "nl");
        await store.AddInvoiceAsync(
            new InvoiceRecord(new Invoice(number, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), 250m, "EUR", debtor, "PO-9", "exact"), "hash", DateTimeOffset.UtcNow, "open", 250m),
            CancellationToken.None);
        await store.AddStaffTaskAsync(
            new StaffTaskRecord(
                "task-" + number, StaffTaskKinds.WrongNumber, number, debtor.Id, "Wrong phone number +31612345678: find the right number.", DateTimeOffset.UtcNow, StaffTaskStatus.Open,
                DetailsJson: """{"text":"wrong-number","phone":"+31612345678"}"""),
            CancellationToken.None);
        return number;
    }
}
