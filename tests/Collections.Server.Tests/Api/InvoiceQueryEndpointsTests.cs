using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

public sealed class InvoiceQueryEndpointsTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task GetInvoice_AfterIntakeAndPayment_ShowsWorkflowBalanceAndTimeline()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-0800", 242m)));
        await server.Client.PostAsJsonAsync("/api/invoices/2026-0800/payments", new { paymentId = "p-1", amount = 42m, currency = "EUR" });
        await server.Client.PostAsJsonAsync("/api/invoices/2026-0800/disputes", new { action = "open", reason = "invoice sent twice" });

        var invoice = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-0800");

        Assert.Equal("open", invoice.GetProperty("status").GetString());
        Assert.Equal(200m, invoice.GetProperty("openBalance").GetDecimal());
        Assert.Equal("Running", invoice.GetProperty("workflow").GetProperty("runtimeStatus").GetString());
        Assert.Equal("sms", invoice.GetProperty("invoice").GetProperty("debtor").GetProperty("preferredChannel").GetString());
        Assert.Equal("p-1", invoice.GetProperty("payments")[0].GetProperty("paymentId").GetString());
        Assert.Equal("dispute-opened", invoice.GetProperty("timeline")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task GetInvoice_Unknown_404Problem()
    {
        var response = await server.Client.GetAsync("/api/invoices/2026-9999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemDocument.ReadAsync(response);
    }

    [Fact]
    public async Task ListInvoices_ByStatusAndPage_ReturnsTheMatchingPage()
    {
        for (var index = 1; index <= 3; index++)
        {
            await TestInvoices.SeedAsync(server.Store, $"2026-090{index}", 10m);
        }

        var paidOne = (await server.Store.GetInvoiceAsync("2026-0902", default))!;
        await server.Store.UpdateInvoiceAsync(paidOne with { Status = "paid", OpenBalance = 0 }, default);

        var open = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices?status=open&page=2&pageSize=1");
        var paid = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices?status=paid");

        Assert.Equal(2, open.GetProperty("totalCount").GetInt32());
        Assert.Equal("2026-0903", open.GetProperty("items")[0].GetProperty("number").GetString());
        Assert.Equal("2026-0902", Assert.Single(paid.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
    }

    [Theory]
    [InlineData("status=lost", "status")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=5000", "pageSize")]
    public async Task ListInvoices_BadQuery_400NamingParameter(string query, string field)
    {
        var response = await server.Client.GetAsync($"/api/invoices?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
    }
}
