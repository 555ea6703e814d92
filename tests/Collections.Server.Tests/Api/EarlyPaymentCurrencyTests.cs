using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>Issue 13: a payment recorded before its invoice counts only when it is in the invoice's currency.</summary>
public sealed class EarlyPaymentCurrencyTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task EarlyPaymentInOtherCurrency_InvoiceArrives_NotCountedAndStaffTaskRaised()
    {
        var early = await server.Client.PostAsJsonAsync("/api/invoices/2026-C001/payments", new { paymentId = "jpy-1", amount = 100m, currency = "JPY" });
        Assert.Equal(HttpStatusCode.Accepted, early.StatusCode);

        var intake = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-C001", 100m)));
        await server.Driver.RunUntilIdleAsync();

        Assert.Equal(HttpStatusCode.Created, intake.StatusCode);
        var invoice = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-C001");
        Assert.Equal(100m, invoice.GetProperty("openBalance").GetDecimal());
        Assert.Equal("Running", invoice.GetProperty("workflow").GetProperty("runtimeStatus").GetString());
        var staffTask = Assert.Single(invoice.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("kind").GetString() == "staff-task");
        Assert.Contains("jpy-1 of 100 JPY", staffTask.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(invoice.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("kind").GetString() == "payment");
    }

    [Fact]
    public async Task EarlyPaymentInInvoiceCurrency_InvoiceArrives_CountedAndWorkflowPaid()
    {
        await server.Client.PostAsJsonAsync("/api/invoices/2026-C002/payments", new { paymentId = "eur-1", amount = 100m, currency = "EUR" });

        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-C002", 100m)));
        await server.Driver.RunUntilIdleAsync();

        var invoice = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-C002");
        Assert.Equal(0m, invoice.GetProperty("openBalance").GetDecimal());
        Assert.Equal("paid", invoice.GetProperty("workflow").GetProperty("outcome").GetString());
    }
}
