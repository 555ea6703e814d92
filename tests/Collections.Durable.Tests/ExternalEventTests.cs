namespace Collections.Durable.Tests;

public sealed class ExternalEventTests
{
    [Fact]
    public async Task WaitForExternalEvent_EventsArrivedEarlier_DeliveredInArrivalOrderCaseInsensitive()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Collect", async ctx =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
                var values = new List<int>();
                for (var i = 0; i < 3; i++)
                {
                    values.Add(await ctx.WaitForExternalEvent<int>("Payment"));
                }

                return values;
            }));
        await host.Client.StartAsync("Collect", "buffered");
        await host.Driver.RunUntilIdleAsync();

        foreach (var (name, value) in new[] { ("payment", 10), ("PAYMENT", 20), ("Other", 99), ("Payment", 30) })
        {
            await host.Client.RaiseEventAsync("buffered", name, value);
        }

        await host.Driver.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.StatusAsync("buffered")).RuntimeStatus);
        await host.Driver.AdvanceByAsync(TimeSpan.FromHours(2));

        Assert.Equal([10, 20, 30], (await host.StatusAsync("buffered")).ReadOutput<List<int>>());
    }

    [Fact]
    public async Task WaitForExternalEvent_CancelledWaiter_NeverConsumesLaterEvent()
    {
        // durabletask-dotnet #508: after a wait lost a race against a timer, the next event went to the dead waiter.
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Patient", async ctx =>
            {
                var outcomes = new List<string>();
                for (var round = 0; round < 2; round++)
                {
                    using var cancel = new CancellationTokenSource();
                    var reply = ctx.WaitForExternalEvent<string>("Reply", cancel.Token);
                    var timeout = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), cancel.Token);
                    var winner = await Task.WhenAny(reply, timeout);
                    cancel.Cancel();
                    outcomes.Add(winner == reply ? reply.Result : "timeout");
                }

                outcomes.Add(await ctx.WaitForExternalEvent<string>("Reply"));
                return outcomes;
            }));
        await host.Client.StartAsync("Patient", "patient");

        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(2.5));
        await host.Client.RaiseEventAsync("patient", "Reply", "late answer");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("patient");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(["timeout", "timeout", "late answer"], status.ReadOutput<List<string>>());
    }

    [Fact]
    public async Task RaiseEvent_BeforeInstanceExists_DeliveredWhenItStarts()
    {
        await using var host = await DurableTestHost.StartAsync(WaitForPaid);

        Assert.Equal(RaiseEventOutcome.QueuedForFutureInstance, await host.Client.RaiseEventAsync("future", "Paid", 125));
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(29));
        await host.Client.StartAsync("WaitForPaid", "future");
        await host.Driver.RunUntilIdleAsync();

        Assert.Equal(125, (await host.StatusAsync("future")).ReadOutput<int>());
    }

    [Fact]
    public async Task RaiseEvent_BeforeInstanceExists_DroppedAfterRetention()
    {
        await using var host = await DurableTestHost.StartAsync(WaitForPaid, eventRetention: TimeSpan.FromDays(7));

        await host.Client.RaiseEventAsync("too-late", "Paid", 125);
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(8));
        await host.Client.StartAsync("WaitForPaid", "too-late");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("too-late");
        Assert.Equal(OrchestrationRuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(["Paid"], status.AwaitedEvents);
    }

    [Fact]
    public async Task RaiseEvent_SameEventIdTwice_DeliveredOnce()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Sum", async ctx =>
            {
                var total = 0;
                while (true)
                {
                    using var cancel = new CancellationTokenSource();
                    var payment = ctx.WaitForExternalEvent<int>("Paid", cancel.Token);
                    var quiet = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), cancel.Token);
                    var winner = await Task.WhenAny(payment, quiet);
                    cancel.Cancel();
                    if (winner == quiet)
                    {
                        return total;
                    }

                    total += payment.Result;
                }
            }));
        await host.Client.StartAsync("Sum", "dedupe");

        Assert.Equal(RaiseEventOutcome.Queued, await host.Client.RaiseEventAsync("dedupe", "Paid", 100, eventId: "payment-1"));
        Assert.Equal(RaiseEventOutcome.Duplicate, await host.Client.RaiseEventAsync("dedupe", "Paid", 100, eventId: "payment-1"));
        await host.Driver.RunUntilIdleAsync();
        Assert.Equal(RaiseEventOutcome.Duplicate, await host.Client.RaiseEventAsync("dedupe", "Paid", 100, eventId: "payment-1"));
        Assert.Equal(RaiseEventOutcome.Queued, await host.Client.RaiseEventAsync("dedupe", "Paid", 5, eventId: "payment-2"));
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(2));

        Assert.Equal(105, (await host.StatusAsync("dedupe")).ReadOutput<int>());
        Assert.Equal(RaiseEventOutcome.InstanceFinished, await host.Client.RaiseEventAsync("dedupe", "Paid", 1));
    }

    private static DurableRegistry WaitForPaid() => new DurableRegistry()
        .AddOrchestrator("WaitForPaid", async ctx => await ctx.WaitForExternalEvent<int>("Paid"));
}
