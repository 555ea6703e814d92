namespace Collections.Durable.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Sequence_ThreeActivitiesAndTimer_Completes()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddActivity<int, int>("Double", x => Task.FromResult(x * 2))
            .AddOrchestrator("Seq", async ctx =>
            {
                var x = ctx.GetInput<int>();
                x = await ctx.CallActivityAsync<int>("Double", x);
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(3), CancellationToken.None);
                x = await ctx.CallActivityAsync<int>("Double", x);
                var e = await ctx.WaitForExternalEvent<int>("Go");
                return x + e;
            }));

        Assert.Equal(StartOutcome.Started, await host.Client.StartAsync("Seq", "i1", 5));
        await host.Driver.RunUntilIdleAsync();
        var waiting = await host.StatusAsync("i1");
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(DurableTestHost.Epoch.AddDays(3), waiting.NextTimerAt);
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(4));
        Assert.Equal(["Go"], (await host.StatusAsync("i1")).AwaitedEvents);
        await host.RestartAsync();
        await host.Client.RaiseEventAsync("i1", "go", 1);
        await host.Driver.RunUntilIdleAsync();
        var done = await host.StatusAsync("i1");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(21, done.ReadOutput<int>());
    }
}
