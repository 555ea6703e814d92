namespace Collections.Durable.Tests;

public sealed class DurableClientTests
{
    [Fact]
    public async Task Start_SameIdWhileActive_AlreadyExistsAndInputUnchanged()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);

        Assert.Equal(StartOutcome.Started, await host.Client.StartAsync("Waiter", "inv-1", "first"));
        Assert.Equal(StartOutcome.AlreadyExists, await host.Client.StartAsync("Waiter", "inv-1", "second"));
        await host.Driver.RunUntilIdleAsync();
        Assert.Equal(StartOutcome.AlreadyExists, await host.Client.StartAsync("Waiter", "inv-1", "third"));

        var status = await host.StatusAsync("inv-1");
        Assert.Equal(OrchestrationRuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal("first", status.ReadInput<string>());
    }

    [Fact]
    public async Task Start_FinishedId_RestartsWithFreshHistory()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        await host.Client.StartAsync("Waiter", "inv-2", "first");
        await host.Client.RaiseEventAsync("inv-2", "Go", "one");
        await host.Driver.RunUntilIdleAsync();
        Assert.Equal("first:one", (await host.StatusAsync("inv-2")).ReadOutput<string>());

        Assert.Equal(StartOutcome.Started, await host.Client.StartAsync("Waiter", "inv-2", "again"));
        await host.Driver.RunUntilIdleAsync();
        var restarted = await host.StatusAsync("inv-2");
        Assert.Equal(OrchestrationRuntimeStatus.Running, restarted.RuntimeStatus);
        Assert.Null(restarted.SerializedOutput);
        await host.Client.RaiseEventAsync("inv-2", "Go", "two");
        await host.Driver.RunUntilIdleAsync();

        Assert.Equal("again:two", (await host.StatusAsync("inv-2")).ReadOutput<string>());
    }

    [Fact]
    public async Task StartMany_NewRunningFinishedAndRepeatedIds_StartsOnlyTheNewLeavingTheOthersAsTheyAre()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        await host.Client.StartAsync("Waiter", "running", "first");
        await host.Client.StartAsync("Waiter", "finished", "first");
        await host.Client.RaiseEventAsync("finished", "Go", "one");
        await host.Driver.RunUntilIdleAsync();

        var outcomes = await host.Client.StartManyAsync(
            "Waiter",
            [new("running", "second"), new("finished", "second"), new("new", "second"), new("new", "third")]);
        await host.Driver.RunUntilIdleAsync();

        Assert.Equal([StartOutcome.AlreadyExists, StartOutcome.AlreadyExists, StartOutcome.Started, StartOutcome.AlreadyExists], outcomes);
        Assert.Equal("first", (await host.StatusAsync("running")).ReadInput<string>());
        Assert.Equal("first:one", (await host.StatusAsync("finished")).ReadOutput<string>());
        var started = await host.StatusAsync("new");
        Assert.Equal(OrchestrationRuntimeStatus.Running, started.RuntimeStatus);
        Assert.Equal("second", started.ReadInput<string>());
    }

    [Fact]
    public async Task StartMany_SameInstancesAgain_NothingStartsTwiceAndEachHasOneStartEvent()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        List<InstanceStart> instances = [.. Enumerable.Range(0, 50).Select(i => new InstanceStart($"many-{i}", $"in-{i}"))];

        var first = await host.Client.StartManyAsync("Waiter", instances);
        await host.Driver.RunUntilIdleAsync();
        var again = await host.Client.StartManyAsync("Waiter", instances);
        await host.Driver.RunUntilIdleAsync();

        Assert.All(first, outcome => Assert.Equal(StartOutcome.Started, outcome));
        Assert.All(again, outcome => Assert.Equal(StartOutcome.AlreadyExists, outcome));
        foreach (var instance in instances)
        {
            Assert.Single(await host.Runtime.ReadHistoryAsync(instance.InstanceId), e => e.Kind == Engine.HistoryEventKind.ExecutionStarted);
        }
    }

    [Fact]
    public async Task StartMany_EventRaisedBeforeTheStart_DeliveredToTheNewInstance()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        await host.Client.RaiseEventAsync("early", "Go", "waiting");

        await host.Client.StartManyAsync("Waiter", [new("early", "in")]);
        await host.Driver.RunUntilIdleAsync();

        Assert.Equal("in:waiting", (await host.StatusAsync("early")).ReadOutput<string>());
    }

    [Fact]
    public async Task StartMany_ThousandInstances_OneClientWriteOfAtMostThreeStatementsEach()
    {
        const int count = 1_000;
        await using var host = await DurableTestHost.StartAsync(Waiter);
        var before = host.Runtime.StatementsExecuted;

        await host.Client.StartManyAsync("Waiter", [.. Enumerable.Range(0, count).Select(i => new InstanceStart($"bulk-{i}", "in"))]);

        // Per instance: insert it, drop expired early events, insert its start message; the transaction around them all is shared.
        Assert.InRange(host.Runtime.StatementsExecuted - before, count, (3 * count) + 5);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.StatusAsync($"bulk-{count - 1}")).RuntimeStatus);
    }

    [Fact]
    public async Task StartMany_UnknownOrchestrator_RejectedAndNothingStarted()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartManyAsync("Nope", [new("x", null)]));

        Assert.Null(await host.Client.GetStatusAsync("x"));
    }

    [Fact]
    public async Task Start_UnknownOrchestrator_RejectedNamingIt()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartAsync("Nope", "x"));

        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetStatusAsync("x"));
    }

    [Fact]
    public async Task Terminate_RunningInstance_TerminatedWithReasonAndTimersGone()
    {
        await using var host = await DurableTestHost.StartAsync(TimerThenEvent);
        await host.Client.StartAsync("TimerThenEvent", "t1");
        await host.Driver.RunUntilIdleAsync();

        Assert.True(await host.Client.TerminateAsync("t1", "debtor went bankrupt"));
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(10));

        var status = await host.StatusAsync("t1");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, status.RuntimeStatus);
        Assert.Equal("debtor went bankrupt", status.ReadOutput<string>());
        Assert.False(await host.Client.TerminateAsync("t1"));
        Assert.Equal(RaiseEventOutcome.InstanceFinished, await host.Client.RaiseEventAsync("t1", "Go", "x"));
    }

    [Fact]
    public async Task SuspendResume_EventsWhileSuspended_ProcessedOnlyAfterResume()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        await host.Client.StartAsync("Waiter", "s1", "in");
        await host.Driver.RunUntilIdleAsync();

        Assert.True(await host.Client.SuspendAsync("s1"));
        await host.Client.RaiseEventAsync("s1", "Go", "while suspended");
        await host.Driver.AdvanceByAsync(TimeSpan.FromDays(1));
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.StatusAsync("s1")).RuntimeStatus);

        Assert.True(await host.Client.ResumeAsync("s1"));
        Assert.False(await host.Client.ResumeAsync("s1"));
        await host.Driver.RunUntilIdleAsync();

        Assert.Equal("in:while suspended", (await host.StatusAsync("s1")).ReadOutput<string>());
    }

    [Fact]
    public async Task Purge_OnlyFinishedInstances_RemovesEverything()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        await host.Client.StartAsync("Waiter", "p1", "in");
        await host.Driver.RunUntilIdleAsync();

        Assert.False(await host.Client.PurgeAsync("p1"));
        await host.Client.TerminateAsync("p1");
        Assert.True(await host.Client.PurgeAsync("p1"));

        Assert.Null(await host.Client.GetStatusAsync("p1"));
        Assert.Empty(await host.Runtime.ReadHistoryAsync("p1"));
        Assert.False(await host.Client.PurgeAsync("p1"));
    }

    [Fact]
    public async Task Purge_FinishedInstance_LeavesNoTraceOfItsInputsInTheDatabaseFiles()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        await host.Client.StartAsync("Waiter", "p2", "input-Jansen-Bakery");
        await host.Client.RaiseEventAsync("p2", "Go", "event-info@jansen.example");
        await host.Driver.RunUntilIdleAsync();
        Assert.Contains("input-Jansen-Bakery", await StoredTextAsync(host.DatabasePath), StringComparison.Ordinal);

        Assert.True(await host.Client.PurgeAsync("p2"));

        var stored = await StoredTextAsync(host.DatabasePath);
        Assert.DoesNotContain("Jansen-Bakery", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("info@jansen.example", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_WaitingOnTimerAndEvents_ShowsWhatItWaitsFor()
    {
        await using var host = await DurableTestHost.StartAsync(() => new DurableRegistry()
            .AddOrchestrator("Watch", async ctx =>
            {
                ctx.SetCustomStatus(new { Stage = "watching" });
                using var cancel = new CancellationTokenSource();
                var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(14), cancel.Token);
                var paid = ctx.WaitForExternalEvent<int>("PaymentReceived", cancel.Token);
                var disputed = ctx.WaitForExternalEvent<string>("Disputed", cancel.Token);
                await Task.WhenAny(deadline, paid, disputed);
                cancel.Cancel();
            }));
        await host.Client.StartAsync("Watch", "w1");
        await host.Driver.RunUntilIdleAsync();

        var status = await host.StatusAsync("w1");

        Assert.Equal(OrchestrationRuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(DurableTestHost.Epoch.AddDays(14), status.NextTimerAt);
        Assert.Equal(["PaymentReceived", "Disputed"], status.AwaitedEvents);
        Assert.Equal("""{"stage":"watching"}""", status.SerializedCustomStatus);
        Assert.Equal(DurableTestHost.Epoch, status.CreatedAt);
    }

    [Fact]
    public async Task Query_ByStatusWithPaging_ReturnsAllMatchesInIdOrder()
    {
        await using var host = await DurableTestHost.StartAsync(Waiter);
        for (var i = 0; i < 25; i++)
        {
            await host.Client.StartAsync("Waiter", $"q{i:D2}", "in");
        }

        await host.Driver.RunUntilIdleAsync();
        for (var i = 0; i < 25; i += 5)
        {
            await host.Client.RaiseEventAsync($"q{i:D2}", "Go", "x");
        }

        await host.Driver.RunUntilIdleAsync();

        var pages = new List<InstancePage>();
        string? token = null;
        do
        {
            var page = await host.Client.QueryAsync(new InstanceQuery([OrchestrationRuntimeStatus.Running], PageSize: 8, token));
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal([8, 8, 4], pages.Select(p => p.Instances.Count));
        var ids = pages.SelectMany(p => p.Instances).Select(s => s.InstanceId).ToList();
        Assert.Equal(Enumerable.Range(0, 25).Where(i => i % 5 != 0).Select(i => $"q{i:D2}"), ids);
        var completed = await host.Client.QueryAsync(new InstanceQuery([OrchestrationRuntimeStatus.Completed], PageSize: 100));
        Assert.Equal(5, completed.Instances.Count);
        Assert.Null(completed.ContinuationToken);
    }

    private static DurableRegistry Waiter() => new DurableRegistry()
        .AddOrchestrator("Waiter", async ctx => $"{ctx.GetInput<string>()}:{await ctx.WaitForExternalEvent<string>("Go")}");

    private static DurableRegistry TimerThenEvent() => new DurableRegistry()
        .AddOrchestrator("TimerThenEvent", async ctx =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(3), CancellationToken.None);
            return await ctx.WaitForExternalEvent<string>("Go");
        });

    /// <summary>The database file and its WAL as the runtime has them open.</summary>
    private static async Task<string> StoredTextAsync(string databasePath)
    {
        var text = new System.Text.StringBuilder();
        foreach (var path in new[] { databasePath, databasePath + "-wal" }.Where(File.Exists))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            text.Append(System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
        }

        return text.ToString();
    }
}
