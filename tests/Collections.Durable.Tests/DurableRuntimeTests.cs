namespace Collections.Durable.Tests;

public sealed class DurableRuntimeTests
{
    [Fact]
    public async Task StartAsync_RealClock_RunsActivitiesAndWakesForTimer()
    {
        var directory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));
        var registry = new DurableRegistry()
            .AddActivity<int, int>("Inc", x => Task.FromResult(x + 1))
            .AddOrchestrator("Hosted", async ctx =>
            {
                var x = await ctx.CallActivityAsync<int>("Inc", 1);
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMilliseconds(200), CancellationToken.None);
                return await ctx.CallActivityAsync<int>("Inc", x);
            });
        await using var runtime = new DurableRuntime(registry, new DurableRuntimeOptions { DatabasePath = Path.Combine(directory, "d.db") });
        await runtime.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await runtime.Client.StartAsync("Hosted", "h1");
        var status = await runtime.Client.WaitForCompletionAsync("h1", timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(3, status.ReadOutput<int>());
        Assert.True(status.LastUpdatedAt - status.CreatedAt >= TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task VirtualTimeDriver_ThousandsOfVirtualDays_FinishesQuickly()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddActivity<int, int>("Remind", Task.FromResult)
            .AddOrchestrator("Monthly", async ctx =>
            {
                var round = ctx.GetInput<int>();
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CancellationToken.None);
                await ctx.CallActivityAsync<int>("Remind", round);
                if (round < 100)
                {
                    ctx.ContinueAsNew(round + 1);
                }

                return round;
            }));
        await host.Client.StartAsync("Monthly", "m", 1);

        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(3001));

        var status = await host.StatusAsync("m");
        Assert.Equal(100, status.ReadOutput<int>());
        Assert.Equal(DurableTestHost.Epoch.AddDays(3001), host.Driver.UtcNow);
    }
}
