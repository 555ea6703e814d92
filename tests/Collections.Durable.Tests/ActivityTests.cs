namespace Collections.Durable.Tests;

public sealed class ActivityTests
{
    [Fact]
    public async Task CallActivity_RetryPolicy_AttemptsAtBackoffTimesThenSurfacesFailure()
    {
        var attempts = new List<(DateTimeOffset At, ActivityContext Context)>();
        DurableTestHost host = null!;
        host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddActivity<string, string>("Flaky", (input, context, _) =>
            {
                attempts.Add((host.Clock.GetUtcNow(), context));
                throw new InvalidOperationException("provider unavailable");
            })
            .AddOrchestrator("Caller", async ctx =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>(
                        "Flaky", "x", new ActivityRetryOptions(4, TimeSpan.FromMinutes(1), BackoffCoefficient: 2));
                }
                catch (TaskFailedException failed)
                {
                    return $"{failed.ActivityName}|{failed.Failure.ErrorType}|{failed.Failure.ErrorMessage}";
                }
            }));
        await using var _ = host;

        await host.Client.StartAsync("Caller", "retry-1");
        await host.Driver.AdvanceByAsync(TimeSpan.FromHours(1));

        var status = await host.StatusAsync("retry-1");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal("Flaky|System.InvalidOperationException|provider unavailable", status.ReadOutput<string>());
        var epoch = DurableTestHost.Epoch;
        Assert.Equal([epoch, epoch.AddMinutes(1), epoch.AddMinutes(3), epoch.AddMinutes(7)], attempts.Select(a => a.At));
        Assert.Equal([1, 2, 3, 4], attempts.Select(a => a.Context.Attempt));
        Assert.All(attempts, a => Assert.Equal("retry-1:0", a.Context.IdempotencyKey));
    }

    [Fact]
    public async Task CallActivity_RetryTimeoutAndMaxInterval_StopsAttemptsAfterTimeout()
    {
        var attemptTimes = new List<DateTimeOffset>();
        DurableTestHost host = null!;
        host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddActivity<int, int>("AlwaysFails", _ =>
            {
                attemptTimes.Add(host.Clock.GetUtcNow());
                throw new TimeoutException("no answer");
            })
            .AddOrchestrator("Caller", async ctx => await ctx.CallActivityAsync<int>(
                "AlwaysFails",
                1,
                new ActivityRetryOptions(10, TimeSpan.FromMinutes(40), 2, MaxInterval: TimeSpan.FromMinutes(60), Timeout: TimeSpan.FromHours(2.5)))));
        await using var _ = host;

        await host.Client.StartAsync("Caller", "timeout-1");
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(1));

        var epoch = DurableTestHost.Epoch;
        // Delays 40 min, then 60 (80 capped at MaxInterval); the next would start at 2h40 > 2.5h timeout.
        Assert.Equal([epoch, epoch.AddMinutes(40), epoch.AddMinutes(100)], attemptTimes);
        var status = await host.StatusAsync("timeout-1");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, status.Failure!.ErrorType);
        Assert.Contains("AlwaysFails", status.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("no answer", status.Failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallActivity_SucceedsOnRetry_ResultAppliedOnce()
    {
        var calls = 0;
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddActivity<int, int>("SecondTimeLucky", input =>
                ++calls < 2 ? throw new IOException("transient") : Task.FromResult(input + 1))
            .AddOrchestrator("Caller", async ctx =>
                await ctx.CallActivityAsync<int>("SecondTimeLucky", 41, new ActivityRetryOptions(3, TimeSpan.FromSeconds(30)))));

        await host.Client.StartAsync("Caller", "lucky");
        await host.Driver.RunUntilIdleAsync();
        var waiting = await host.StatusAsync("lucky");
        Assert.Equal(["SecondTimeLucky"], waiting.PendingActivities);

        await host.Driver.AdvanceByAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(42, (await host.StatusAsync("lucky")).ReadOutput<int>());
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task CallActivity_Unregistered_FailsWithClearMessage()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Caller", async ctx => await ctx.CallActivityAsync<int>("Missing")));

        await host.Client.StartAsync("Caller", "missing");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("missing");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Contains("No activity named 'Missing' is registered", status.Failure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RetryOptions_CoefficientBelowOne_Rejected()
    {
        var options = new ActivityRetryOptions(3, TimeSpan.FromSeconds(1), BackoffCoefficient: 0.5);

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal("BackoffCoefficient", error.ParamName);
    }
}
