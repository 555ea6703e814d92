using System.Text.Json.Nodes;
using Collections.Policy;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>The workflow stores the facts of its notes and call outcomes with the line, so the timeline tells them in its
/// reader's language.</summary>
public sealed class NoteFactsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task AmendedThenPromiseInACallNotMet_LinesCarryTheirFacts()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(Start.AddHours(1));
        await host.Workflows.RaiseAsync("A-1", new InvoiceAmended(1000m, new DateOnly(2026, 3, 3)));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 13, 11, 0, 0, TimeSpan.FromHours(1)));
        var task = Assert.Single(await host.Store.ListOpenCallTasksAsync(null, CancellationToken.None));
        await host.Workflows.RaiseAsync("A-1", new CallOutcomeRecorded(task.Id, new CallOutcome(CallOutcomeKind.PromiseToPay, PromisedDate: new DateOnly(2026, 3, 18))));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.FromHours(1)));

        var lines = await host.Store.ListContactsAsync("A-1", CancellationToken.None);
        AssertJson(
            """{"text":"amended","amount":1000,"due":"2026-03-03","balance":1000}""",
            Assert.Single(lines, line => line.Summary.StartsWith("Invoice amended", StringComparison.Ordinal)).DataJson);
        AssertJson(
            """{"text":"call-outcome","outcome":"promise-to-pay","promisedDate":"2026-03-18"}""",
            Assert.Single(lines, line => line.Kind == "call-outcome").DataJson);
        AssertJson(
            """{"text":"promise-not-met","date":"2026-03-18"}""",
            Assert.Single(lines, line => line.Summary.StartsWith("Promise to pay", StringComparison.Ordinal)).DataJson);
    }

    private static void AssertJson(string expected, string? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual!)), $"Expected {expected}, got {actual}");
}
