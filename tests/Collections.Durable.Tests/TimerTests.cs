namespace Collections.Durable.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task CreateTimer_SeveralTimers_FireInTimeOrderAtTheirTimes()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Timers", async ctx =>
            {
                var start = ctx.CurrentUtcDateTime;
                var timers = new List<Task> { ctx.CreateTimer(start.AddDays(3), default), ctx.CreateTimer(start.AddDays(1), default), ctx.CreateTimer(start.AddDays(2), default) };
                var fired = new List<string>();
                var remaining = timers.ToList();
                while (remaining.Count > 0)
                {
                    var next = await Task.WhenAny(remaining);
                    remaining.Remove(next);
                    fired.Add($"{timers.IndexOf(next)}@{(ctx.CurrentUtcDateTime - start).TotalDays}");
                }

                return fired;
            }));

        await host.Client.StartAsync("Timers", "t");
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(10));

        Assert.Equal(["1@1", "2@2", "0@3"], (await host.StatusAsync("t")).ReadOutput<List<string>>());
    }

    [Fact]
    public async Task CreateTimer_Cancelled_NeverFiresAndIsRemoved()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Cancel", async ctx =>
            {
                using var cancel = new CancellationTokenSource();
                var early = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), cancel.Token);
                var late = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(2), CancellationToken.None);
                cancel.Cancel();
                await late;
                return early.Status.ToString();
            }));

        await host.Client.StartAsync("Cancel", "c");
        await host.Driver.RunUntilIdleAsync();
        Assert.Equal(DurableTestHost.Epoch.AddDays(2), (await host.StatusAsync("c")).NextTimerAt);

        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(3));

        Assert.Equal("Canceled", (await host.StatusAsync("c")).ReadOutput<string>());
        var history = await host.Runtime.ReadHistoryAsync("c");
        Assert.Single(history, e => e.Kind == Engine.HistoryEventKind.TimerFired);
    }

    [Fact]
    public async Task Orchestrator_ReturnsWithUncancelledTimer_CompletesAndTimerIsDropped()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Forgetful", ctx =>
            {
                _ = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CancellationToken.None);
                return Task.FromResult("done");
            }));

        await host.Client.StartAsync("Forgetful", "f");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("f");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Null(status.NextTimerAt);
        Assert.Null(await host.Runtime.NextDueTimeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WhenAnyTimerAndEvent_TimerWins_EventWaiterCancelled()
    {
        await using var host = await DurableTestHost.StartAsync(Race.Registry);

        await host.Client.StartAsync("Race", "timer-wins");
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(2));

        var status = await host.StatusAsync("timer-wins");
        Assert.Equal("timeout:Canceled", status.ReadCustomStatus<string>());
        Assert.Equal(["Finish"], status.AwaitedEvents);
    }

    [Fact]
    public async Task WhenAnyTimerAndEvent_EventWins_TimerCancelledAndRemoved()
    {
        await using var host = await DurableTestHost.StartAsync(Race.Registry);
        await host.Client.StartAsync("Race", "event-wins");
        await host.Driver.RunUntilIdleAsync();

        await host.Client.RaiseEventAsync("event-wins", "Answer", "yes");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("event-wins");
        Assert.Equal(OrchestrationRuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal("event:yes:Canceled", status.ReadCustomStatus<string>());
        Assert.Null(status.NextTimerAt);
        Assert.Equal(["Finish"], status.AwaitedEvents);
        Assert.Null(await host.Runtime.NextDueTimeAsync(CancellationToken.None));
    }

    private static class Race
    {
        public static DurableRegistry Registry() => new DurableRegistry().AddOrchestrator("Race", async ctx =>
        {
            using var cancel = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), cancel.Token);
            var answer = ctx.WaitForExternalEvent<string>("Answer", cancel.Token);
            var winner = await Task.WhenAny(timer, answer);
            cancel.Cancel();
            ctx.SetCustomStatus(winner == timer ? $"timeout:{answer.Status}" : $"event:{answer.Result}:{timer.Status}");
            return await ctx.WaitForExternalEvent<string>("Finish");
        });
    }
}
