using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Storage;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>The intake path with the production store: Azure Tables, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablesStoreIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync([
        "--Collections:Store=tables",
        $"--Collections:Tables:ConnectionString={azurite.ConnectionString}",
        $"--Collections:Tables:TablePrefix=intake{Guid.NewGuid():N}",
    ]);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PostInvoice_TablesStore_CreatedThenIdempotentThenConflict()
    {
        var created = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-T001", 120m)));
        var again = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-T001", 120m)));
        var other = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-T001", 99m)));
        var invalid = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content("""{"number":"2026-T002"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var stored = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-T001");
        Assert.Equal(120m, stored.GetProperty("openBalance").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/invoices/2026-T002")).StatusCode);
        Assert.Equal(["2026-T001"], server.Workflows.Started);
    }

    [Fact]
    public async Task PostInvoice_TablesStoreTwentyConcurrentPosts_OneInvoiceOneWorkflow()
    {
        var body = InvoiceJson.Valid("2026-T100").ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => server.Client.PostAsync("/api/invoices", InvoiceJson.Content(body))));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode));
        Assert.Equal(["2026-T100"], server.Workflows.Started);
    }
}
