using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>Credit notes, cancellations, disputes and pauses the accounting system posts.</summary>
public sealed class InvoiceCommandEndpointsTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync()
    {
        server = await RunningServer.StartAsync();
        await TestInvoices.SeedAsync(server.Store, "2026-0700", 242m);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PostCredit_Twice_AppliedOnceAndBalanceLowered()
    {
        var credit = new { creditNoteNumber = "CN-12", amount = 42m, reason = "damaged goods" };

        var first = await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/credit", credit);
        var again = await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/credit", credit);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(200m, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openBalance").GetDecimal());
        Assert.Equal(["invoice-credited"], server.Workflows.EventsFor("2026-0700"));
    }

    [Theory]
    [InlineData("""{"amount":10}""", "creditNoteNumber")]
    [InlineData("""{"creditNoteNumber":"CN-1","amount":0}""", "amount")]
    [InlineData("""{"creditNoteNumber":"CN-1","amount":1000}""", "amount")]
    public async Task PostCredit_Invalid_400(string json, string field)
    {
        var response = await server.Client.PostAsync("/api/invoices/2026-0700/credit", InvoiceJson.Content(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Empty(await server.Store.ListPaymentsAsync("2026-0700", default));
    }

    [Fact]
    public async Task PostCredit_UnknownInvoice_404()
    {
        var response = await server.Client.PostAsJsonAsync("/api/invoices/nope/credit", new { creditNoteNumber = "CN-1", amount = 1m });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemDocument.ReadAsync(response);
    }

    [Fact]
    public async Task PostCancel_Twice_CancelledOnceWithReasonLogged()
    {
        var first = await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/cancel", new { reason = "wrong customer" });
        var again = await server.Client.PostAsync("/api/invoices/2026-0700/cancel", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("cancelled", (await server.Store.GetInvoiceAsync("2026-0700", default))!.Status);
        Assert.Equal(["invoice-cancelled"], server.Workflows.EventsFor("2026-0700"));
        Assert.Contains(await server.Store.ListContactsAsync("2026-0700", default), entry => entry.Summary.Contains("wrong customer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostCancel_PaidInvoice_409()
    {
        var invoice = (await server.Store.GetInvoiceAsync("2026-0700", default))!;
        await server.Store.UpdateInvoiceAsync(invoice with { Status = "paid", OpenBalance = 0 }, default);

        var response = await server.Client.PostAsync("/api/invoices/2026-0700/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("paid", (await server.Store.GetInvoiceAsync("2026-0700", default))!.Status);
    }

    [Fact]
    public async Task PostCancel_UnknownInvoice_404()
    {
        var response = await server.Client.PostAsync("/api/invoices/nope/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostDispute_OpenThenResolve_BothRaisedAndLogged()
    {
        var opened = await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/disputes", new { action = "open", reason = "delivery incomplete" });
        var resolved = await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/disputes", new { action = "resolve" });

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(["dispute-open", "dispute-resolve"], server.Workflows.EventsFor("2026-0700"));
        Assert.Equal(
            ["dispute-opened", "dispute-resolved"],
            (await server.Store.ListContactsAsync("2026-0700", default)).Select(entry => entry.Kind));
    }

    [Theory]
    [InlineData("""{"action":"close"}""", "action")]
    [InlineData("""{"action":"open"}""", "reason")]
    public async Task PostDispute_Invalid_400(string json, string field)
    {
        var response = await server.Client.PostAsync("/api/invoices/2026-0700/disputes", InvoiceJson.Content(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task PostDispute_UnknownInvoice_404()
    {
        var response = await server.Client.PostAsJsonAsync("/api/invoices/nope/disputes", new { action = "open", reason = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostPause_ThenResume_RecordedOnTheInvoiceLoggedAndRaised_RepeatsChangeNothing()
    {
        var paused = await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/pause", new { reason = "customer in hospital", by = "j.devries" });
        var pausedAgain = await server.Client.PostAsync("/api/invoices/2026-0700/pause", null);
        var pausedView = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-0700");
        var resumed = await server.Client.PostAsync("/api/invoices/2026-0700/resume", null);
        var resumedAgain = await server.Client.PostAsync("/api/invoices/2026-0700/resume", null);

        Assert.All([paused, pausedAgain, resumed, resumedAgain], response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var pause = (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paused");
        Assert.Equal("customer in hospital", pause.GetProperty("reason").GetString());
        Assert.Equal("j.devries", pause.GetProperty("by").GetString());
        Assert.Equal("customer in hospital", pausedView.GetProperty("paused").GetProperty("reason").GetString());
        Assert.False((await resumedAgain.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("paused", out _));
        Assert.Null((await server.Store.GetInvoiceAsync("2026-0700", default))!.Paused);
        Assert.Equal(["chasing-paused", "chasing-paused", "chasing-resumed", "chasing-resumed"], server.Workflows.EventsFor("2026-0700"));
        Assert.Equal(
            ["Chasing paused by j.devries: customer in hospital", "Chasing resumed."],
            (await server.Store.ListContactsAsync("2026-0700", default)).Select(entry => entry.Summary));
    }

    [Fact]
    public async Task PostPause_ReasonTooLong_400AndNothingChanged()
    {
        var response = await server.Client.PostAsJsonAsync("/api/invoices/2026-0700/pause", new { reason = new string('x', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reason", await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Null((await server.Store.GetInvoiceAsync("2026-0700", default))!.Paused);
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task PostPause_PaidInvoice_409_UnknownInvoice_404()
    {
        var invoice = (await server.Store.GetInvoiceAsync("2026-0700", default))!;
        await server.Store.UpdateInvoiceAsync(invoice with { Status = "paid", OpenBalance = 0 }, default);

        var paid = await server.Client.PostAsync("/api/invoices/2026-0700/pause", null);
        var unknown = await server.Client.PostAsync("/api/invoices/nope/resume", null);

        Assert.Equal(HttpStatusCode.Conflict, paid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null((await server.Store.GetInvoiceAsync("2026-0700", default))!.Paused);
        Assert.Empty(server.Workflows.Events);
    }
}
