using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Collections.Server.Tests.Channels.Smtp;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>Issue 13: the email provider (a real SMTP server) is away for a real minute while the reminders fall
/// due; every attempt in that minute is a real refused connection. No workflow fails, and when the provider is
/// back on its port every reminder goes out exactly once.</summary>
public sealed class ProviderOutageRealMinuteTests
{
    private const int Invoices = 3;
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset ReminderDue = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EmailProviderAwayForARealMinute_NoWorkflowFails_EachReminderSentOnceWhenItIsBack()
    {
        var port = FreePort();
        await using var server = await RunningServer.StartAsync([
            "--Collections:Channels:Email:Provider=smtp",
            "--Collections:Channels:Email:From=billing@example.nl",
            "--Collections:Channels:Email:Smtp:Host=127.0.0.1",
            $"--Collections:Channels:Email:Smtp:Port={port}",
            "--Collections:Channels:Email:Smtp:Security=None",
        ], realWorkflows: true);
        for (var i = 1; i <= Invoices; i++)
        {
            var invoice = InvoiceJson.Valid($"2026-R{i:D3}");
            invoice["debtor"]!["id"] = $"debtor-r{i}";
            invoice["debtor"]!["email"] = $"debtor{i}@example.nl";
            invoice["debtor"]!["preferredChannel"] = "email";
            Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(invoice))).StatusCode);
        }

        // A real minute of outage, during which the workflows' own time runs on past the reminders' moment.
        var outageEnds = DateTimeOffset.UtcNow + Outage;
        var virtualNow = ReminderDue;
        while (DateTimeOffset.UtcNow < outageEnds)
        {
            virtualNow += TimeSpan.FromMinutes(10);
            await server.Driver.AdvanceToAsync(virtualNow);
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        var during = await WorkflowsAsync(server);
        Assert.Equal(Invoices, during.Count);
        Assert.All(during, workflow => Assert.Equal(("waiting", "waiting for the email provider"), workflow));

        using var provider = SmtpSink.Start(port: port);
        // The longest wait between tries (policy outages.maxWaitMinutes, 60) and the send itself.
        await server.Driver.AdvanceToAsync(virtualNow + TimeSpan.FromMinutes(61));

        Assert.Empty(await WorkflowsAsync(server));
        var received = provider.Received();
        Assert.Equal(
            Enumerable.Range(1, Invoices).Select(i => $"debtor{i}@example.nl"),
            received.Select(message => message.Envelope["to"]![0]!.GetValue<string>()).Order());
        foreach (var number in Enumerable.Range(1, Invoices).Select(i => $"2026-R{i:D3}"))
        {
            var shown = await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{number}");
            Assert.Equal("Running", shown.GetProperty("workflow").GetProperty("runtimeStatus").GetString());
        }
    }

    /// <summary>The operator view: invoice workflows that failed or wait for the outside world.</summary>
    private static async Task<List<(string State, string? Reason)>> WorkflowsAsync(RunningServer server) =>
        (await server.Client.GetFromJsonAsync<JsonElement>("/api/operations/workflows")).EnumerateArray()
            .Select(workflow => (workflow.GetProperty("state").GetString()!, workflow.TryGetProperty("reason", out var reason) ? reason.GetString() : null))
            .ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
