using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collections.Server.Tests.Support;

/// <summary>An invoice through the whole ladder on the real server and workflow (started with <c>realWorkflows</c>):
/// intake; nobody pays; the first call is not answered (with a note); the final notice; staff approve the hand-over
/// from the approval email.</summary>
internal static partial class FullLadder
{
    public static async Task RunAsync(RunningServer server, string invoice, string callNote)
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid(invoice, 242m)));
        await server.Driver.RunUntilIdleAsync();
        var call = await WaitForAsync(server, invoice, async () =>
        {
            var calls = await server.Client.GetFromJsonAsync<JsonElement>("/api/calls");
            return calls.GetArrayLength() > 0 ? calls[0].GetProperty("id").GetString() : null;
        });
        var outcome = await server.Client.PostAsJsonAsync($"/api/calls/{call}/outcome", new { outcome = "no-answer", note = callNote, recordedBy = "Sanne" });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        var token = await WaitForAsync(server, invoice, async () =>
        {
            var outbox = await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox");
            return outbox.GetProperty("items").EnumerateArray()
                .Select(item => ApprovalLink().Match(item.GetProperty("message").GetProperty("text").GetString()!))
                .FirstOrDefault(match => match.Success)?.Groups[1].Value;
        });
        await server.Anonymous.PostAsync($"/approvals/{token}/approve", new FormUrlEncodedContent([]));
        await server.Driver.RunUntilIdleAsync();
        Assert.Equal("handed-over", (await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoice}")).GetProperty("status").GetString());
    }

    private static async Task<string> WaitForAsync(RunningServer server, string invoice, Func<Task<string?>> found)
    {
        for (var day = 0; day < 120; day++)
        {
            if (await found() is { } value)
            {
                return value;
            }

            await server.Driver.AdvanceByAsync(TimeSpan.FromHours(12));
        }

        throw new Xunit.Sdk.XunitException($"Not reached in 60 days: {await server.Client.GetStringAsync($"/api/invoices/{invoice}")}");
    }

    [GeneratedRegex("/approvals/([A-Za-z0-9_-]{43,128})/approve")]
    private static partial Regex ApprovalLink();
}
