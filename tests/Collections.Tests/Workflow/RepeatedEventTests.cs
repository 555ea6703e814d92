using Collections.Invoices;
using Collections.Policy;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>An event the workflow has handled (by its <see cref="InvoiceEvent.EventId"/>) changes nothing when it
/// arrives again. Raised here without the embedded runtime's own event id, as Durable Task raises events, so it is
/// the workflow that recognises the repeat. Invoice A-1 (€1,250, consumer, SMS) is due 2026-03-03.</summary>
public sealed class RepeatedEventTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public Task DeliveryReport_Repeated_ChangesNothing() =>
        AssertRepeatChangesNothing(
            At(2026, 3, 4, 12),
            At(2026, 3, 8, 12),
            _ => Task.FromResult<InvoiceEvent>(new DeliveryFailed(Channel.Sms, "Undeliverable") { EventId = "delivery:evt-1" }));

    [Fact]
    public Task Credit_Repeated_ChangesNothing() =>
        AssertRepeatChangesNothing(
            At(2026, 3, 5, 12),
            At(2026, 3, 18, 12),
            _ => Task.FromResult<InvoiceEvent>(new InvoiceCredited(100m) { EventId = "credit:request-1" }));

    [Fact]
    public Task CallOutcome_Repeated_ChangesNothing() =>
        AssertRepeatChangesNothing(
            At(2026, 3, 13, 11),
            At(2026, 3, 17, 12),
            async host =>
            {
                var task = Assert.Single(await host.Store.ListOpenCallTasksAsync(null, CancellationToken.None));
                return new CallOutcomeRecorded(task.Id, new CallOutcome(CallOutcomeKind.NoAnswer)) { EventId = $"call-outcome:{task.Id}" };
            });

    [Fact]
    public Task Approval_Repeated_ChangesNothing() =>
        AssertRepeatChangesNothing(
            At(2026, 3, 5, 12),
            At(2026, 3, 6, 12),
            _ => Task.FromResult<InvoiceEvent>(new ApprovalDecided("approval-1", ApprovalDecision.Reject, "j.jansen") { EventId = "approval:approval-1" }));

    [Fact]
    public async Task Credit_RepeatedAfterContinueAsNew_ChangesNothing()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(At(2026, 3, 13, 11));
        var task = Assert.Single(await host.Store.ListOpenCallTasksAsync(null, CancellationToken.None));
        await host.Workflows.RaiseAsync("A-1", new CallOutcomeRecorded(task.Id, new CallOutcome(
            CallOutcomeKind.PaymentPlan, Instalments: [new Instalment(new DateOnly(2026, 4, 1), 600m), new Instalment(new DateOnly(2026, 5, 1), 650m)])));
        var credit = new InvoiceCredited(50m) { EventId = "credit:request-1" };
        await host.Workflows.RaiseAsync("A-1", credit);
        await host.Workflows.RaiseAsync("A-1", new PaymentReceived("tr_1", 600m, Start.AddDays(28)) { EventId = "payment:tr_1" });
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.FromHours(2)));
        var continued = (await host.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor("A-1")))!.ReadInput<InvoiceWorkflowInput>()!.State!;

        await host.Workflows.RaiseAsync("A-1", credit);
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 4, 11, 0, 0, 0, TimeSpan.FromHours(2)));

        var status = (await host.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor("A-1")))!;
        Assert.Contains("credit:request-1", continued.HandledEventIds);
        Assert.Equal(600m, continued.Balance);
        Assert.Equal(Collections.Durable.OrchestrationRuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(600m, status.ReadCustomStatus<System.Text.Json.JsonElement>().GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task HandledIds_AreBounded_OldestForgottenFirst()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(At(2026, 3, 2, 12));

        for (var index = 0; index <= InvoiceState.HandledEventIdsKept; index++)
        {
            await host.Workflows.RaiseAsync("A-1", new ContactDetailsUpdated(null, null, null) { EventId = $"contact-details:{index}" });
        }

        await host.Driver.RunUntilIdleAsync();
        var again = await RaiseAndCountNotesAsync(host, "contact-details:0");
        var stillKnown = await RaiseAndCountNotesAsync(host, $"contact-details:{InvoiceState.HandledEventIdsKept}");

        Assert.Equal((1, 0), (again, stillKnown));
    }

    private static async Task<int> RaiseAndCountNotesAsync(WorkflowHarness host, string eventId)
    {
        var before = (await host.TimelineAsync("D-1")).Count;
        await host.Workflows.RaiseAsync("A-1", new ContactDetailsUpdated(null, null, null) { EventId = eventId });
        await host.Driver.RunUntilIdleAsync();
        return (await host.TimelineAsync("D-1")).Count - before;
    }

    /// <summary>Runs the same timeline with the event raised never, once and twice (the repeat right after the first);
    /// the event must change the timeline, and its repeat must not.</summary>
    private static async Task AssertRepeatChangesNothing(DateTimeOffset at, DateTimeOffset until, Func<WorkflowHarness, Task<InvoiceEvent>> happening)
    {
        var none = await RunAsync(at, until, happening, times: 0);
        var once = await RunAsync(at, until, happening, times: 1);
        var twice = await RunAsync(at, until, happening, times: 2);

        Assert.NotEqual(none.Timeline, once.Timeline);
        Assert.Equal(once.Timeline, twice.Timeline);
        Assert.Equal(once.Sent, twice.Sent);
    }

    private static async Task<(IReadOnlyList<string> Timeline, int Sent)> RunAsync(
        DateTimeOffset at, DateTimeOffset until, Func<WorkflowHarness, Task<InvoiceEvent>> happening, int times)
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(at);
        for (var raised = 0; raised < times; raised++)
        {
            await host.Workflows.RaiseAsync("A-1", await happening(host));
        }

        await host.Driver.AdvanceToAsync(until);
        return ([.. await host.TimelineAsync("D-1")], host.Sender.Sent.Count);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(1));
}
