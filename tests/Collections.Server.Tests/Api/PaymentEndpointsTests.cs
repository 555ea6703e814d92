using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

public sealed class PaymentEndpointsTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PostPayment_KnownInvoice_LowersBalanceAndTellsWorkflowOnce()
    {
        await TestInvoices.SeedAsync(server.Store, "2026-0101", 242.00m);
        var payment = new { paymentId = "bank-991", amount = 100.00m, currency = "EUR" };

        var first = await server.Client.PostAsJsonAsync("/api/invoices/2026-0101/payments", payment);
        var again = await server.Client.PostAsJsonAsync("/api/invoices/2026-0101/payments", payment);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(142.00m, body.GetProperty("openBalance").GetDecimal());
        Assert.Equal(["payment-received"], server.Workflows.EventsFor("2026-0101"));
        Assert.Equal(142.00m, (await server.Store.GetInvoiceAsync("2026-0101", default))!.OpenBalance);
    }

    [Fact]
    public async Task PostPayment_TwoPartPayments_BalanceRecomputedFromAllPayments()
    {
        await TestInvoices.SeedAsync(server.Store, "2026-0102", 50m);

        await server.Client.PostAsJsonAsync("/api/invoices/2026-0102/payments", new { paymentId = "p-1", amount = 20m, currency = "EUR" });
        var response = await server.Client.PostAsJsonAsync("/api/invoices/2026-0102/payments", new { paymentId = "p-2", amount = 30m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0m, (await server.Store.GetInvoiceAsync("2026-0102", default))!.OpenBalance);
        Assert.Equal(2, server.Workflows.EventsFor("2026-0102").Count);
    }

    [Fact]
    public async Task PostPayment_UnknownInvoice_IsRecordedAndAccepted()
    {
        var response = await server.Client.PostAsJsonAsync("/api/invoices/2026-0999/payments", new { paymentId = "early-1", amount = 10m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(await server.Store.ListPaymentsAsync("2026-0999", default));
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task PostPayment_SameIdOtherAmount_Conflict()
    {
        await TestInvoices.SeedAsync(server.Store, "2026-0103");
        await server.Client.PostAsJsonAsync("/api/invoices/2026-0103/payments", new { paymentId = "p-9", amount = 10m, currency = "EUR" });

        var response = await server.Client.PostAsJsonAsync("/api/invoices/2026-0103/payments", new { paymentId = "p-9", amount = 20m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(10m, Assert.Single(await server.Store.ListPaymentsAsync("2026-0103", default)).Amount);
    }

    [Theory]
    [InlineData("""{"paymentId":"p","amount":-5,"currency":"EUR"}""", "amount")]
    [InlineData("""{"paymentId":"p","amount":"ten","currency":"EUR"}""", "amount")]
    [InlineData("""{"amount":5,"currency":"EUR"}""", "paymentId")]
    [InlineData("""{"paymentId":"p","amount":5,"currency":"USD"}""", "currency")]
    [InlineData("""{"paymentId":"p","amount":5,"currency":"euro"}""", "currency")]
    [InlineData("""{"paymentId":"p","amount":5,""", "$")]
    public async Task PostPayment_InvalidBody_400NamingFieldAndNothingStored(string json, string field)
    {
        await TestInvoices.SeedAsync(server.Store, "2026-0104");

        var response = await server.Client.PostAsync("/api/invoices/2026-0104/payments", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Empty(await server.Store.ListPaymentsAsync("2026-0104", default));
    }
}
