using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoices;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>Staff and accounting systems correct what blocks an invoice: the debtor's contact details and
/// the invoice's amount or due date (PATCH, validated, idempotent, told to the workflow).</summary>
public sealed class InvoiceChangeEndpointsTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync()
    {
        server = await RunningServer.StartAsync();
        await TestInvoices.SeedAsync(server.Store, "2026-0700", 242m);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PatchContact_Twice_StoredOnceNormalisedAndToldOnce()
    {
        var change = new { phone = "06 23456789", email = "boekhouding@korenbloem.example", by = "Sanne" };

        var first = await PatchAsync("/api/invoices/2026-0700/contact", change);
        var again = await PatchAsync("/api/invoices/2026-0700/contact", change);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var debtor = (await server.Store.GetInvoiceAsync("2026-0700", default))!.Invoice.Debtor;
        Assert.Equal("+31623456789", debtor.Phone);
        Assert.Equal("boekhouding@korenbloem.example", debtor.Email);
        Assert.Equal(["contact-details-updated"], server.Workflows.EventsFor("2026-0700"));
        var logged = Assert.Single(await server.Store.ListContactsAsync("2026-0700", default));
        Assert.Equal("Contact details changed by Sanne: phone +31623456789, email boekhouding@korenbloem.example.", logged.Summary);
    }

    [Fact]
    public async Task PatchContact_ChangesEveryOpenInvoiceOfTheDebtor()
    {
        await TestInvoices.SeedAsync(server.Store, "2026-0701", 80m);

        var response = await PatchAsync("/api/invoices/2026-0700/contact", new { preferredChannel = "email" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Channel.Email, (await server.Store.GetInvoiceAsync("2026-0701", default))!.Invoice.Debtor.PreferredChannel);
        Assert.Equal(["contact-details-updated"], server.Workflows.EventsFor("2026-0701"));
    }

    [Theory]
    [InlineData("""{"phone":"12345"}""", "phone")]
    [InlineData("""{"email":"jan@@example"}""", "email")]
    [InlineData("""{"preferredChannel":"fax"}""", "preferredChannel")]
    [InlineData("""{}""", "$")]
    public async Task PatchContact_Invalid_400NamingTheFieldNothingStored(string json, string field)
    {
        var response = await server.Client.PatchAsync("/api/invoices/2026-0700/contact", InvoiceJson.Content(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Equal("+31612345678", (await server.Store.GetInvoiceAsync("2026-0700", default))!.Invoice.Debtor.Phone);
        Assert.Empty(server.Workflows.EventsFor("2026-0700"));
    }

    [Fact]
    public async Task PatchContact_UnknownInvoice_404()
    {
        var response = await PatchAsync("/api/invoices/nope/contact", new { phone = "0612345678" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemDocument.ReadAsync(response);
    }

    [Fact]
    public async Task PatchInvoice_Twice_AmountAndDueDateStoredBalanceRecomputedToldOnce()
    {
        await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/payments", new { paymentId = "bank-1", amount = 42m, currency = "EUR" });

        var first = await PatchAsync("/api/invoices/2026-0700", new { amount = 200m, dueDate = "2026-03-17", by = "Sanne" });
        var again = await PatchAsync("/api/invoices/2026-0700", new { amount = 200m, dueDate = "2026-03-17", by = "Sanne" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200m, body.GetProperty("amount").GetDecimal());
        Assert.Equal(158m, body.GetProperty("openBalance").GetDecimal());
        Assert.Equal("2026-03-17", body.GetProperty("dueDate").GetString());
        Assert.Equal(["payment-received", "invoice-amended"], server.Workflows.EventsFor("2026-0700"));
    }

    [Theory]
    [InlineData("""{"amount":0}""", "amount")]
    [InlineData("""{"amount":10.005}""", "amount")]
    [InlineData("""{"amount":30}""", "amount")]
    [InlineData("""{"dueDate":"2026-01-15"}""", "dueDate")]
    [InlineData("""{"dueDate":"15-03-2026"}""", "dueDate")]
    [InlineData("""{}""", "$")]
    public async Task PatchInvoice_Invalid_400NamingTheFieldNothingStored(string json, string field)
    {
        await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/payments", new { paymentId = "bank-1", amount = 42m, currency = "EUR" });

        var response = await server.Client.PatchAsync("/api/invoices/2026-0700", InvoiceJson.Content(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
        var stored = (await server.Store.GetInvoiceAsync("2026-0700", default))!;
        Assert.Equal(242m, stored.Invoice.Amount);
        Assert.Equal(new DateOnly(2026, 3, 3), stored.Invoice.DueDate);
        Assert.DoesNotContain("invoice-amended", server.Workflows.EventsFor("2026-0700"));
    }

    [Fact]
    public async Task PatchInvoice_PaidInvoice_409()
    {
        var invoice = (await server.Store.GetInvoiceAsync("2026-0700", default))!;
        await server.Store.UpdateInvoiceAsync(invoice with { Status = "paid", OpenBalance = 0 }, default);

        var response = await PatchAsync("/api/invoices/2026-0700", new { amount = 100m });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(242m, (await server.Store.GetInvoiceAsync("2026-0700", default))!.Invoice.Amount);
    }

    [Fact]
    public async Task OpenApi_DocumentsBothPatchEndpoints()
    {
        var document = await server.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/invoices/{number}").TryGetProperty("patch", out _));
        Assert.True(paths.GetProperty("/api/invoices/{number}/contact").TryGetProperty("patch", out _));
    }

    private Task<HttpResponseMessage> PatchAsync<T>(string path, T body) => server.Client.PatchAsJsonAsync(path, body);
}
