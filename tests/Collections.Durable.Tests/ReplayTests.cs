using Microsoft.Extensions.Logging;

namespace Collections.Durable.Tests;

public sealed class ReplayTests
{
    [Fact]
    public async Task Replay_RestartAfterEveryStep_ResumesWithEachActivityRunOnce()
    {
        var runs = new List<string>();
        await using var host = await DurableTestHost.StartAsync(
            () => new DurableRegistry()
                .AddActivity<string, string>("Step", (input, context, _) =>
                {
                    runs.Add(context.IdempotencyKey);
                    return Task.FromResult(input.ToUpperInvariant());
                })
                .AddOrchestrator("Pipeline", async ctx =>
                {
                    var results = new List<string> { await ctx.CallActivityAsync<string>("Step", "a") };
                    await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                    results.Add(await ctx.CallActivityAsync<string>("Step", "b"));
                    results.Add(await ctx.WaitForExternalEvent<string>("Input"));
                    results.Add(await ctx.CallActivityAsync<string>("Step", "c"));
                    return results;
                }),
            cacheSize: 0);

        await host.Client.StartAsync("Pipeline", "p");
        await host.Driver.RunUntilIdleAsync();
        await host.RestartAsync();
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(1));
        await host.RestartAsync();
        await host.Client.RaiseEventAsync("p", "Input", "event");
        await host.RestartAsync();
        await host.Driver.RunUntilIdleAsync();

        Assert.Equal(["A", "B", "event", "C"], (await host.StatusAsync("p")).ReadOutput<List<string>>());
        Assert.Equal(["p:0", "p:2", "p:3"], runs);
    }

    [Fact]
    public async Task Replay_CodeChangedUnderRunningInstance_FailsNamingInstanceExpectedAndFound()
    {
        var version = 1;
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddActivity<int, int>("SendReminder", Task.FromResult)
            .AddActivity<int, int>("CallDebtor", Task.FromResult)
            .AddOrchestrator("Dunning", async ctx =>
            {
                await ctx.CallActivityAsync<int>(version == 1 ? "SendReminder" : "CallDebtor", 1);
                return await ctx.WaitForExternalEvent<int>("Paid");
            }));
        await host.Client.StartAsync("Dunning", "invoice-7");
        await host.Driver.RunUntilIdleAsync();

        version = 2;
        await host.RestartAsync();
        await host.Client.RaiseEventAsync("invoice-7", "Paid", 1);
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("invoice-7");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, status.Failure!.ErrorType);
        Assert.Contains("'invoice-7'", status.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'SendReminder' (task 0)", status.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'CallDebtor' (task 0)", status.Failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewGuidAndLogger_Replayed_SameGuidAndEachLineLoggedOnce()
    {
        var logs = new RecordingLoggerFactory();
        await using var host = await DurableTestHost.StartAsync(
            () => new DurableRegistry().AddOrchestrator("Guids", async ctx =>
            {
                var log = ctx.CreateReplaySafeLogger("Guids");
                var first = ctx.NewGuid();
                ctx.SetCustomStatus(first);
                log.LogInformation("first {Guid}", first);
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMinutes(5), CancellationToken.None);
                log.LogInformation("after timer, replaying={Replaying}", ctx.IsReplaying);
                return new[] { first, ctx.NewGuid() };
            }),
            cacheSize: 0,
            loggerFactory: logs);

        await host.Client.StartAsync("Guids", "g");
        await host.Driver.RunUntilIdleAsync();
        var firstTurnGuid = (await host.StatusAsync("g")).ReadCustomStatus<Guid>();
        await host.Driver.AdvanceByAsync(TimeSpan.FromMinutes(10));

        var guids = (await host.StatusAsync("g")).ReadOutput<Guid[]>()!;
        Assert.Equal(firstTurnGuid, guids[0]);
        Assert.NotEqual(guids[0], guids[1]);
        Assert.Equal([$"first {firstTurnGuid}", "after timer, replaying=False"], logs.Lines);
    }

    [Fact]
    public async Task Orchestrator_Throws_FailedWithErrorTypeAndMessage()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator<int>("Broken", _ => throw new InvalidOperationException("policy missing")));

        await host.Client.StartAsync("Broken", "b");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("b");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Equal(new FailureDetails("System.InvalidOperationException", "policy missing"), status.Failure);
    }

    [Fact]
    public async Task SetCustomStatus_Over16KB_FailsInstance()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Chatty", ctx =>
            {
                ctx.SetCustomStatus(new string('x', 17_000));
                return Task.CompletedTask;
            }));

        await host.Client.StartAsync("Chatty", "chatty");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("chatty");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Contains("16384 bytes", status.Failure!.ErrorMessage, StringComparison.Ordinal);
    }

    private sealed class RecordingLoggerFactory : ILoggerFactory, ILogger
    {
        public List<string> Lines { get; } = [];

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
