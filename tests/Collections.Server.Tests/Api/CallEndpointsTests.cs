using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;
using Collections.Storage;

namespace Collections.Server.Tests.Api;

public sealed class CallEndpointsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private RunningServer server = null!;

    public async Task InitializeAsync()
    {
        server = await RunningServer.StartAsync();
        await TestInvoices.SeedAsync(server.Store, "2026-1000");
        await AddTaskAsync("call-1", Monday.AddHours(2));
        await AddTaskAsync("call-2", Monday.AddDays(2));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task GetCalls_DueByDate_OnlyTasksDueThatDayEarliestFirst()
    {
        var today = await server.Client.GetFromJsonAsync<JsonElement>("/api/calls?due=2026-03-02");
        var all = await server.Client.GetFromJsonAsync<JsonElement>("/api/calls");

        Assert.Equal(["call-1"], today.EnumerateArray().Select(task => task.GetProperty("id").GetString()));
        Assert.Equal(["call-1", "call-2"], all.EnumerateArray().Select(task => task.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GetCalls_BadDue_400()
    {
        var response = await server.Client.GetAsync("/api/calls?due=tomorrow");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("due", await ProblemDocument.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task PostOutcome_PromiseToPay_TaskDoneAndRaisedOnce()
    {
        var outcome = new { outcome = "promise-to-pay", promisedDate = "2026-03-09", recordedBy = "Sanne" };

        var first = await server.Client.PostAsJsonAsync("/api/calls/call-1/outcome", outcome);
        var again = await server.Client.PostAsJsonAsync("/api/calls/call-1/outcome", outcome);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("done", (await server.Store.GetCallTaskAsync("call-1", default))!.Status);
        Assert.Equal(["call-outcome-recorded"], server.Workflows.EventsFor("2026-1000"));
        var (_, _, payload) = Assert.Single(server.Workflows.Events);
        Assert.Equal(new DateOnly(2026, 3, 9), Assert.IsType<Collections.Handlers.Calls.CallOutcomeRequest>(payload).PromisedDate);
        Assert.DoesNotContain("call-1", (await server.Client.GetFromJsonAsync<JsonElement>("/api/calls")).EnumerateArray().Select(task => task.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task PostOutcome_OtherOutcomeForClosedTask_409FirstStands()
    {
        await server.Client.PostAsJsonAsync("/api/calls/call-1/outcome", new { outcome = "no-answer" });

        var response = await server.Client.PostAsJsonAsync("/api/calls/call-1/outcome", new { outcome = "hardship" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no-answer", (await server.Store.GetCallTaskAsync("call-1", default))!.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostOutcome_UnknownTask_404()
    {
        var response = await server.Client.PostAsJsonAsync("/api/calls/call-404/outcome", new { outcome = "no-answer" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"outcome":"maybe"}""", "outcome")]
    [InlineData("""{"outcome":"promise-to-pay"}""", "promisedDate")]
    [InlineData("""{"outcome":"promise-to-pay","promisedDate":"next week"}""", "promisedDate")]
    [InlineData("""{"outcome":"payment-plan","instalments":[{"dueDate":"2026-04-01"}]}""", "instalments[0].amount")]
    [InlineData("""{"outcome":"dispute"}""", "reason")]
    [InlineData("""{"outcome":"callback-requested"}""", "callbackAt")]
    public async Task PostOutcome_Invalid_400NamingFieldTaskStaysOpen(string json, string field)
    {
        var response = await server.Client.PostAsync("/api/calls/call-1/outcome", InvoiceJson.Content(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Equal("open", (await server.Store.GetCallTaskAsync("call-1", default))!.Status);
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task PostOutcome_TaskExpired_410SaysSoAndNothingRecorded()
    {
        var task = (await server.Store.GetCallTaskAsync("call-1", default))!;
        await server.Store.UpdateCallTaskAsync(task with { Status = "cancelled", Outcome = """{"cancelled":"not worked; escalated to the supervisor"}""" }, default);

        var response = await server.Client.PostAsJsonAsync("/api/calls/call-1/outcome", new { outcome = "no-answer" });

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var problem = await ProblemDocument.ReadAsync(response);
        Assert.Contains("closed without an outcome (not worked; escalated to the supervisor); this outcome was not recorded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("cancelled", (await server.Store.GetCallTaskAsync("call-1", default))!.Status);
        Assert.Empty(server.Workflows.Events);
    }

    private Task<bool> AddTaskAsync(string id, DateTimeOffset dueBy) =>
        server.Store.AddCallTaskAsync(
            new CallTaskRecord(id, "debtor-17", ["2026-1000"], "invoice-2026-1000", "first-contact", Monday, dueBy, "open"),
            CancellationToken.None);
}
