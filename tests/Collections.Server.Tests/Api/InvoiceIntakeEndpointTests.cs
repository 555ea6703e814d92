using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

public sealed class InvoiceIntakeEndpointTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PostInvoice_New_201WithLocationAndWorkflowStarted()
    {
        var response = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-0001")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/invoices/2026-0001", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal(242.00m, body.GetProperty("openBalance").GetDecimal());
        Assert.Equal(["2026-0001"], server.Workflows.Started);
        Assert.Equal("+31612345678", (await server.Store.GetInvoiceAsync("2026-0001", default))!.Invoice.Debtor.Phone);
    }

    [Fact]
    public async Task PostInvoice_SameInvoiceReformatted_200SameResourceOneWorkflow()
    {
        var json = InvoiceJson.Valid("2026-0002");
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(json));
        var reordered = new JsonObject(json.Reverse().Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));
        reordered["amount"] = JsonValue.Create(242.0m);

        var again = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("2026-0002", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        Assert.Equal(["2026-0002"], server.Workflows.Started);
    }

    [Fact]
    public async Task PostInvoice_OtherBodyForStoredNumber_409AndStoredInvoiceUnchanged()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-0003", 100m)));

        var response = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-0003", 900m)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await ProblemDocument.ReadAsync(response);
        Assert.Equal(100m, (await server.Store.GetInvoiceAsync("2026-0003", default))!.Invoice.Amount);
    }

    [Fact]
    public async Task PostInvoice_SameNumberFromOtherSource_409()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-0004", source: "exact-online")));

        var response = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-0004", source: "moneybird")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    public static TheoryData<string, string> InvalidBodies()
    {
        static string With(Action<JsonObject> change)
        {
            var json = InvoiceJson.Valid("2026-0100");
            change(json);
            return json.ToJsonString();
        }

        return new TheoryData<string, string>
        {
            { With(json => json.Remove("number")), "number" },
            { With(json => json["amount"] = -12.5m), "amount" },
            { With(json => json["amount"] = "twelve"), "amount" },
            { With(json => json["dueDate"] = "2026-01-15"), "dueDate" },
            { With(json => json["currency"] = "XYZ"), "currency" },
            { With(json => json["debtor"]!["phone"] = "12345"), "debtor.phone" },
            { With(json => json["debtor"]!["email"] = "not-an-address"), "debtor.email" },
            { "{\"number\": \"2026-0100\", ", "$" },
            { "[]", "$" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task PostInvoice_Invalid_400NamingFieldAndNothingStored(string body, string field)
    {
        var response = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Equal(0, (await server.Store.ListInvoicesAsync(null, 1, 10, default)).TotalCount);
        Assert.Empty(server.Workflows.StartCalls);
    }

    [Fact]
    public async Task PostInvoice_BodyOver256KB_413AndNothingStored()
    {
        var json = InvoiceJson.Valid("2026-0200");
        json["customerReference"] = new string('x', 300 * 1024);

        var response = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(json));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await server.Store.GetInvoiceAsync("2026-0200", default));
    }

    [Fact]
    public async Task PostInvoice_TwentyConcurrentIdenticalPosts_OneInvoiceOneWorkflow()
    {
        var body = InvoiceJson.Valid("2026-0300").ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => server.Client.PostAsync("/api/invoices", InvoiceJson.Content(body))));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(response => response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, (await server.Store.ListInvoicesAsync(null, 1, 10, default)).TotalCount);
        Assert.Equal(["2026-0300"], server.Workflows.Started);
    }

    [Fact]
    public async Task PostInvoice_PaymentArrivedEarlier_InvoiceStartsWithThatBalance()
    {
        await server.Client.PostAsJsonAsync("/api/invoices/2026-0400/payments", new { paymentId = "early", amount = 42m, currency = "EUR" });

        var response = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-0400", 242m)));

        Assert.Equal(200m, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openBalance").GetDecimal());
    }
}
