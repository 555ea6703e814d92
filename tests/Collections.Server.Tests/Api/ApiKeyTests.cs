using System.Net;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef")]
    [InlineData("test-key-0123456789abcde")]
    public async Task PostInvoice_MissingOrWrongKey_401AndNothingStored(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = InvoiceJson.Content(InvoiceJson.Valid("2026-0500")) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await server.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ProblemDocument.ReadAsync(response);
        Assert.Null(await server.Store.GetInvoiceAsync("2026-0500", default));
        Assert.Empty(server.Workflows.StartCalls);
    }

    [Theory]
    [InlineData("/api/invoices")]
    [InlineData("/api/invoices/2026-0001")]
    [InlineData("/api/calls")]
    [InlineData("/api/outbox")]
    public async Task Get_WithoutKey_401(string path)
    {
        var response = await server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
