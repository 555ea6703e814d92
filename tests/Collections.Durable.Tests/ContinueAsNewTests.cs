using Collections.Durable.Engine;

namespace Collections.Durable.Tests;

public sealed class ContinueAsNewTests
{
    [Fact]
    public async Task ContinueAsNew_CarriesUnconsumedEventsDropsTimersResetsHistory()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Rounds", async ctx =>
            {
                var seen = ctx.GetInput<List<int>>()!;
                // A timer that is never cancelled: ContinueAsNew must discard it.
                _ = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                seen.Add(await ctx.WaitForExternalEvent<int>("Item"));
                if (seen.Count < 3)
                {
                    ctx.ContinueAsNew(seen);
                }

                return seen;
            }));
        await host.Client.StartAsync("Rounds", "rounds", new List<int>());
        await host.Client.RaiseEventAsync("rounds", "Item", 1);
        await host.Client.RaiseEventAsync("rounds", "Item", 2);
        await host.Client.RaiseEventAsync("rounds", "Item", 3);
        await host.Client.RaiseEventAsync("rounds", "Item", 4);

        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("rounds");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal([1, 2, 3], status.ReadOutput<List<int>>());
        var history = await host.Runtime.ReadHistoryAsync("rounds");
        var started = Assert.Single(history, e => e.Kind == HistoryEventKind.ExecutionStarted);
        Assert.Equal("[1,2]", started.Payload);
        Assert.DoesNotContain(history, e => e.Kind == HistoryEventKind.TimerFired);
    }

    [Fact]
    public async Task ContinueAsNew_OldGenerationTimerDue_DoesNotWakeNewGeneration()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Loop", async ctx =>
            {
                var round = ctx.GetInput<int>();
                _ = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
                if (round == 0)
                {
                    ctx.ContinueAsNew(1);
                    return "continued";
                }

                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(5), CancellationToken.None);
                return "second generation finished";
            }));
        await host.Client.StartAsync("Loop", "loop", 0);

        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(1));
        var running = await host.StatusAsync("loop");
        Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Equal(DurableTestHost.Epoch.AddDays(5), running.NextTimerAt);

        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(5));
        Assert.Equal("second generation finished", (await host.StatusAsync("loop")).ReadOutput<string>());
    }
}
