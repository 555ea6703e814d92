using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>Issue 13: the email provider down (SMTP on a 127.0.0.1 port nobody listens on) fails no workflow;
/// the operator sees the waiting invoice and can make it try again now.</summary>
public sealed class OperationsEndpointsTests
{
    [Fact]
    public async Task EmailProviderDown_WorkflowWaitsNotFails_ListedWithRetry()
    {
        await using var server = await RunningServer.StartAsync([
            "--Collections:Channels:Email:Provider=smtp",
            "--Collections:Channels:Email:From=billing@example.nl",
            "--Collections:Channels:Email:Smtp:Host=127.0.0.1",
            $"--Collections:Channels:Email:Smtp:Port={ClosedPort()}",
            "--Collections:Channels:Email:Smtp:Security=None",
        ], realWorkflows: true);
        var invoice = InvoiceJson.Valid("2026-O001");
        invoice["debtor"]!["preferredChannel"] = "email";
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(invoice));

        // The friendly reminder is due on 4 March at 10:00 (Amsterdam); two hours of outage later:
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 4, 11, 0, 0, TimeSpan.Zero));

        var listed = await server.Client.GetFromJsonAsync<JsonElement>("/api/operations/workflows");
        var waiting = Assert.Single(listed.EnumerateArray());
        Assert.Equal("2026-O001", waiting.GetProperty("invoiceNumber").GetString());
        Assert.Equal("waiting", waiting.GetProperty("state").GetString());
        Assert.Equal("waiting for the email provider", waiting.GetProperty("reason").GetString());
        var shown = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-O001");
        Assert.Equal("Running", shown.GetProperty("workflow").GetProperty("runtimeStatus").GetString());
        Assert.Equal("waiting for the email provider", shown.GetProperty("workflow").GetProperty("nextStep").GetString());

        var retry = await server.Client.PostAsync("/api/operations/workflows/2026-O001/retry", null);
        var notTroubled = await server.Client.PostAsync("/api/operations/workflows/2026-NONE/retry", null);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTroubled.StatusCode);
        Assert.Equal("application/problem+json", notTroubled.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
