using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

public sealed class InvoiceBatchEndpointTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static JsonArray Batch(params JsonNode[] items) => new(items);

    private static JsonArray ValidBatch(int count, string prefix) =>
        new([.. Enumerable.Range(0, count).Select(index => (JsonNode)InvoiceJson.Valid($"{prefix}-{index:D4}"))]);

    private Task<HttpResponseMessage> PostAsync(JsonNode batch) => PostAsync(batch.ToJsonString());

    private Task<HttpResponseMessage> PostAsync(string body) => server.Client.PostAsync("/api/invoices/batch", InvoiceJson.Content(body));

    private static async Task<JsonElement[]> ResultsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];

    [Fact]
    public async Task PostBatch_AllNew_200EachCreatedInOrderAndEachWorkflowStarted()
    {
        var response = await PostAsync(ValidBatch(3, "B1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = await ResultsAsync(response);
        Assert.Equal([0, 1, 2], results.Select(result => result.GetProperty("index").GetInt32()));
        Assert.Equal(["B1-0000", "B1-0001", "B1-0002"], results.Select(result => result.GetProperty("number").GetString()));
        Assert.All(results, result => Assert.Equal("created", result.GetProperty("status").GetString()));
        Assert.All(results, result => Assert.False(result.TryGetProperty("problem", out _)));
        Assert.Equal(["B1-0000", "B1-0001", "B1-0002"], server.Workflows.Started.Order());
        Assert.Equal("+31612345678", (await server.Store.GetInvoiceAsync("B1-0001", default))!.Invoice.Debtor.Phone);
    }

    [Fact]
    public async Task PostBatch_SameBatchAgainReformatted_200AllExistNothingNewOneWorkflowEach()
    {
        var batch = ValidBatch(3, "B2");
        await PostAsync(batch);

        var again = await PostAsync(batch.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.All(await ResultsAsync(again), result => Assert.Equal("exists", result.GetProperty("status").GetString()));
        Assert.Equal(3, (await server.Store.ListInvoicesAsync(null, 1, 10, default)).TotalCount);
        Assert.Equal(["B2-0000", "B2-0001", "B2-0002"], server.Workflows.Started.Order());
    }

    [Fact]
    public async Task PostBatch_SomeRefused_207WithTheSingleSubmitsProblemPerRefusedItem()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("B3-stored", 100m)));
        var negative = InvoiceJson.Valid("B3-negative");
        negative["amount"] = -5m;

        var response = await PostAsync(Batch(InvoiceJson.Valid("B3-new"), negative, 42, InvoiceJson.Valid("B3-stored", 900m)));

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        var results = await ResultsAsync(response);
        Assert.Equal(["created", "invalid", "invalid", "conflict"], results.Select(result => result.GetProperty("status").GetString()));
        Assert.Equal("B3-negative", results[1].GetProperty("number").GetString());
        Assert.Equal(400, results[1].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Equal(["amount"], results[1].GetProperty("problem").GetProperty("errors").EnumerateObject().Select(field => field.Name));
        Assert.False(results[2].TryGetProperty("number", out _));
        Assert.True(results[2].GetProperty("problem").GetProperty("errors").TryGetProperty("$", out _));
        Assert.Equal(409, results[3].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Null(await server.Store.GetInvoiceAsync("B3-negative", default));
        Assert.Equal(100m, (await server.Store.GetInvoiceAsync("B3-stored", default))!.Invoice.Amount);
        Assert.Equal(["B3-new", "B3-stored"], server.Workflows.Started.Order());
    }

    [Fact]
    public async Task PostBatch_SameInvoiceTwiceInOneBatch_OneCreatedOneExistsOneWorkflow()
    {
        var response = await PostAsync(Batch(InvoiceJson.Valid("B4"), InvoiceJson.Valid("B4")));

        Assert.Equal(["created", "exists"], (await ResultsAsync(response)).Select(result => result.GetProperty("status").GetString()).Order());
        Assert.Equal(["B4"], server.Workflows.Started);
    }

    [Fact]
    public async Task PostBatch_ThousandInvoicesLargerThanASingleRequestMayBe_AllCreated()
    {
        var batch = ValidBatch(1_000, "B5");
        foreach (var invoice in batch)
        {
            invoice!["customerReference"] = new string('r', 1_100);
        }

        Assert.True(batch.ToJsonString().Length > 1024 * 1024);

        var response = await PostAsync(batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1_000, (await ResultsAsync(response)).Count(result => result.GetProperty("status").GetString() == "created"));
        Assert.Equal(1_000, (await server.Store.ListInvoicesAsync(null, 1, 10, default)).TotalCount);
        Assert.Equal(1_000, server.Workflows.Started.Count);
    }

    [Fact]
    public async Task PostBatch_Valid_StoredAndStartedInOneBulkCallEach()
    {
        var response = await PostAsync(Batch(InvoiceJson.Valid("B9-a"), 42, InvoiceJson.Valid("B9-b"), InvoiceJson.Valid("B9-a")));

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        var bulkStart = Assert.Single(server.Workflows.StartManyCalls);
        Assert.Equal(["B9-a", "B9-b"], bulkStart);
        Assert.Equal(["B9-a", "B9-b"], server.Workflows.StartCalls);
    }

    [Fact]
    public async Task PostBatch_EngineFailsAfterStoring_ErrorThenTheRetryStartsEachWorkflowOnce()
    {
        server.Workflows.FailNextStartMany = true;

        var failed = await PostAsync(ValidBatch(3, "B10"));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(server.Workflows.Started);

        var retried = await PostAsync(ValidBatch(3, "B10"));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.All(await ResultsAsync(retried), result => Assert.Equal("exists", result.GetProperty("status").GetString()));
        Assert.Equal(["B10-0000", "B10-0001", "B10-0002"], server.Workflows.StartCalls.Order());
    }

    [Fact]
    public async Task PostBatch_PaymentBookedBeforeTheInvoice_BalanceCountsIt()
    {
        var early = await server.Client.PostAsJsonAsync("/api/invoices/B11/payments", new { paymentId = "bank-11", amount = 42m, currency = "EUR" });
        Assert.True(early.IsSuccessStatusCode);

        await PostAsync(Batch(InvoiceJson.Valid("B11", 242m)));

        Assert.Equal(200m, (await server.Store.GetInvoiceAsync("B11", default))!.OpenBalance);
        Assert.Equal(200m, server.Workflows.StartedWith("B11").OpenBalance);
    }

    [Fact]
    public async Task PostBatch_OverAThousand_400NamingTheBodyAndNothingStored()
    {
        var response = await PostAsync(ValidBatch(1_001, "B6"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$"], await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Equal(0, (await server.Store.ListInvoicesAsync(null, 1, 10, default)).TotalCount);
        Assert.Empty(server.Workflows.StartCalls);
    }

    [Theory]
    [InlineData("{\"number\":\"B7\"}")]
    [InlineData("[{\"number\":")]
    [InlineData("42")]
    public async Task PostBatch_BodyNotAnArray_400NamingTheBody(string body)
    {
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$"], await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Empty(server.Workflows.StartCalls);
    }

    [Fact]
    public async Task PostBatch_WithoutApiKey_401NothingStored()
    {
        var response = await server.Anonymous.PostAsync("/api/invoices/batch", InvoiceJson.Content(ValidBatch(1, "B8")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await server.Store.GetInvoiceAsync("B8-0000", default));
    }
}
