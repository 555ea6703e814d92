using System.Collections.Concurrent;
using Collections.Durable.Engine;
using Collections.Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Collections.Durable;

/// <summary>
/// The embedded durable runtime over one SQLite file. Use <see cref="Client"/> to start and control instances;
/// call <see cref="StartAsync"/> to process work on a background loop with the real clock, or drive it with a
/// <see cref="VirtualTimeDriver"/> under virtual time (then do not start it).
/// </summary>
public sealed class DurableRuntime : IAsyncDisposable
{
    private static readonly TimeSpan MaxIdleSleep = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    private readonly DurableRegistry registry;
    private readonly DurableStore store;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly AsyncSignal signal = new();
    private readonly ExecutionCache cache;
    private readonly ConcurrentDictionary<long, Task> runningActivities = new();
    private readonly ConcurrentQueue<ActivityResult> activityResults = new();
    private readonly ConcurrentQueue<PendingWrite> pendingWrites = new();
    private readonly ConcurrentDictionary<string, List<TaskCompletionSource<InstanceStatus>>> completionWaiters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger;
    private Task? loop;
    private bool driven;
    private DateTime nextSweep = DateTime.MinValue;
    private bool disposed;

    /// <summary>Opens (or creates) the database and prepares the client; no work is processed until started or driven.</summary>
    public DurableRuntime(DurableRegistry registry, DurableRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.registry = registry;
        Options = options;
        store = new DurableStore(options.DatabasePath);
        cache = new ExecutionCache(options.OrchestrationCacheSize);
        logger = options.LoggerFactory.CreateLogger<DurableRuntime>();
        Client = new DurableClient(this);
    }

    /// <summary>Start, query and control orchestration instances.</summary>
    public DurableClient Client { get; }

    /// <summary>The options the runtime was created with.</summary>
    public DurableRuntimeOptions Options { get; }

    internal DurableRegistry Registry => registry;

    internal DateTime UtcNow => Options.TimeProvider.GetUtcNow().UtcDateTime;

    internal bool HasRunningActivities => !runningActivities.IsEmpty;

    /// <summary>SQL statements the runtime has executed so far (a count, for tests and benchmarks).</summary>
    internal long StatementsExecuted => store.StatementsExecuted;

    /// <summary>Step timings for benchmarks; null (and not collected) unless set.</summary>
    internal StepMetrics? Metrics { get; set; }

    /// <summary>Starts the background loop that runs turns and activities (real or fake clock, woken by timers and signals).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (loop is not null || driven)
        {
            throw new InvalidOperationException("The runtime is already started or driven by a VirtualTimeDriver.");
        }

        await TakeOverAsync(cancellationToken);
        loop = Task.Run(() => RunLoopAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops the loop and waits for running activities (they see their cancellation token cancelled).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken);
        }

        await Task.WhenAll(runningActivities.Values).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        await StopAsync();
        disposed = true;
        await gate.WaitAsync();
        try
        {
            store.Dispose();
        }
        finally
        {
            gate.Release();
        }

        stopping.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> against the store, alone.</summary>
    internal async Task<T> UseStoreAsync<T>(Func<DurableStore, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return work(store);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs a client write (a <paramref name="touched"/> instance loses its cached state: pass it when the write
    /// replaces or ends the instance's execution, null otherwise). Writes queued meanwhile by
    /// other callers commit together in one transaction (group commit), each isolated by a savepoint.
    /// </summary>
    internal async Task<T> WriteAsync<T>(string? touched, Func<DurableStore, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite(touched, s => work(s));
        pendingWrites.Enqueue(write);
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            FlushWrites();
        }
        finally
        {
            gate.Release();
        }

        signal.Set();
        return (T)(await write.Completion.Task)!;
    }

    /// <summary>Wakes the <see cref="WaitForCompletionAsync"/> callers of an instance that just finished.</summary>
    internal async Task NotifyFinishedAsync(string instanceId)
    {
        if (completionWaiters.ContainsKey(instanceId) && await Client.GetStatusAsync(instanceId) is { IsFinished: true } status)
        {
            CompleteWaiters(status);
        }
    }

    internal async Task<InstanceStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<InstanceStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var list = completionWaiters.GetOrAdd(instanceId, _ => []);
        lock (list)
        {
            list.Add(waiter);
        }

        try
        {
            if (await Client.GetStatusAsync(instanceId, cancellationToken) is { IsFinished: true } status)
            {
                return status;
            }

            return await waiter.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (list)
            {
                list.Remove(waiter);
            }
        }
    }

    /// <summary>Marks the runtime as driven by a <see cref="VirtualTimeDriver"/> and takes over the file.</summary>
    internal async Task AttachDriverAsync()
    {
        if (loop is not null || driven)
        {
            throw new InvalidOperationException("The runtime is already started or driven by another VirtualTimeDriver.");
        }

        driven = true;
        await TakeOverAsync(CancellationToken.None);
    }

    /// <summary>
    /// One dispatcher step in one transaction: settle finished activity attempts, run a batch of turns, lease
    /// due activity attempts (and start them). Returns whether anything happened.
    /// </summary>
    internal async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        List<WorkItem> leased;
        int settled;
        int turns;
        List<string> finished = [];
        await gate.WaitAsync(cancellationToken);
        var started = Metrics is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            FlushWrites();
            var now = UtcNow;
            var results = DrainActivityResults();
            settled = results.Count;
            using var transaction = store.Begin();
            store.ApplyActivityResults(results, now);

            if (now >= nextSweep)
            {
                store.DeleteExpiredEvents(now - Options.EventRetention);
                nextSweep = now + SweepInterval;
            }

            var executed = RunTurns(now);
            turns = executed.Count;
            try
            {
                store.WriteTurns(executed.Select(e => e.Turn));

                var capacity = Options.MaxConcurrentActivities - runningActivities.Count;
                leased = capacity > 0
                    ? store.LeaseWorkItems(now, capacity, now + Options.ActivityLeaseDuration, runningActivities.ContainsKey)
                    : [];
                transaction.Commit();
            }
            catch
            {
                foreach (var (turn, _) in executed)
                {
                    cache.Remove(turn.Result.InstanceId);
                }

                throw;
            }

            foreach (var (turn, execution) in executed)
            {
                if (turn.Result.Outcome == TurnOutcome.Running && execution is { IsFinished: false })
                {
                    cache.Put(execution);
                }
                else if (turn.Result.Outcome is TurnOutcome.Completed or TurnOutcome.Failed)
                {
                    finished.Add(turn.Result.InstanceId);
                }
            }
        }
        finally
        {
            gate.Release();
        }

        Metrics?.Record(started, turns, leased.Count);
        foreach (var item in leased)
        {
            // Registered before it starts, so a fast attempt cannot remove itself before it was added.
            var attempt = new Task<Task>(() => RunActivityAsync(item));
            runningActivities[item.Id] = attempt.Unwrap();
            attempt.Start(TaskScheduler.Default);
        }

        foreach (var instanceId in finished)
        {
            await NotifyFinishedAsync(instanceId);
        }

        return settled + turns + leased.Count > 0;
    }

    /// <summary>Waits until every activity attempt started so far has finished.</summary>
    internal Task WhenActivitiesFinishedAsync() => Task.WhenAll(runningActivities.Values);

    /// <summary>The committed history of an instance's current generation (for diagnostics and tests).</summary>
    internal Task<List<HistoryEvent>> ReadHistoryAsync(string instanceId) =>
        UseStoreAsync(s => s.LoadHistory(instanceId), CancellationToken.None);

    internal Task<DateTime?> NextDueTimeAsync(CancellationToken cancellationToken) =>
        UseStoreAsync(s => s.NextDueTime(runningActivities.ContainsKey), cancellationToken);

    /// <summary>Commits every queued client write in one transaction; called with the gate held.</summary>
    private void FlushWrites()
    {
        if (pendingWrites.IsEmpty)
        {
            return;
        }

        var batch = new List<(PendingWrite Write, object? Result, Exception? Error)>();
        try
        {
            using var transaction = store.Begin();
            while (pendingWrites.TryDequeue(out var write))
            {
                if (write.Touched is not null)
                {
                    cache.Remove(write.Touched);
                }

                store.Savepoint();
                try
                {
                    batch.Add((write, write.Work(store), null));
                    store.ReleaseSavepoint();
                }
#pragma warning disable CA1031 // The failure belongs to that caller; the other writes of the batch go on.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    store.RollbackToSavepoint();
                    batch.Add((write, null, exception));
                }
            }

            transaction.Commit();
        }
#pragma warning disable CA1031 // A failed commit fails every write of the batch; each caller sees the exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            foreach (var (write, _, _) in batch)
            {
                write.Completion.TrySetException(exception);
            }

            return;
        }

        foreach (var (write, result, error) in batch)
        {
            if (error is null)
            {
                write.Completion.TrySetResult(result);
            }
            else
            {
                write.Completion.TrySetException(error);
            }
        }
    }

    private async Task TakeOverAsync(CancellationToken cancellationToken) =>
        await UseStoreAsync(s => { s.ReleaseAllLeases(); return true; }, cancellationToken);

    private List<ActivityResult> DrainActivityResults()
    {
        var results = new List<ActivityResult>();
        while (activityResults.TryDequeue(out var result))
        {
            results.Add(result);
        }

        // Settle in work-item order so a step's outcome does not depend on which attempt finished first.
        results.Sort((a, b) => a.Item.Id.CompareTo(b.Item.Id));
        return results;
    }

    /// <summary>Loads the ready instances, runs their turns (in parallel, each on one thread) and returns them.</summary>
    private List<(TurnToWrite Turn, OrchestrationExecution? Execution)> RunTurns(DateTime now)
    {
        var ready = store.FindReadyInstances(now, Options.MaxTurnsPerBatch);
        var messages = ready.Count == 0 ? [] : store.TakeVisibleMessages([.. ready.Select(r => r.Id)], now);
        var work = new List<(InstanceRow Row, List<InboxMessage> Messages, OrchestrationExecution? Execution, List<HistoryEvent>? History)>(ready.Count);
        foreach (var row in ready)
        {
            var execution = cache.Take(row.Id, row.Generation);
            work.Add((row, messages[row.Id], execution, execution is null ? store.LoadHistory(row.Id) : null));
        }

        var turns = new (TurnToWrite Turn, OrchestrationExecution? Execution)[work.Count];
        void Run(int i) => turns[i] = RunTurn(work[i].Row, work[i].Messages, work[i].Execution, work[i].History!, now);
        if (work.Count < 8)
        {
            for (var i = 0; i < work.Count; i++)
            {
                Run(i);
            }
        }
        else
        {
            Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Run);
        }

        return [.. turns];
    }

    private (TurnToWrite Turn, OrchestrationExecution? Execution) RunTurn(
        InstanceRow row, List<InboxMessage> messages, OrchestrationExecution? execution, List<HistoryEvent> history, DateTime now)
    {
        var orchestrator = registry.FindOrchestrator(row.Name);
        if (orchestrator is null)
        {
            var failure = new FailureDetails(typeof(InvalidOperationException).FullName!, $"No orchestrator named '{row.Name}' is registered.");
            var failed = new TurnResult(row.Id, row.Generation, 0, [], messages.Select(m => m.Id).ToList(), [], [], TurnOutcome.Failed,
                null, failure, null, false, [], null, [], now);
            return (new TurnToWrite(failed, row.Name), null);
        }

        if (execution is null)
        {
            execution = new OrchestrationExecution(row.Id, row.Generation, orchestrator, Options.JsonSerializerOptions, Options.LoggerFactory);
            execution.Replay(history);
        }

        return (new TurnToWrite(execution.RunTurn(now, messages), row.Name), execution);
    }

    private async Task RunActivityAsync(WorkItem item)
    {
        ActivityResult result;
        try
        {
            var activity = registry.FindActivity(item.Name)
                ?? throw new InvalidOperationException($"No activity named '{item.Name}' is registered.");
            var context = new ActivityContext(item.InstanceId, item.Name, item.TaskId, item.Attempt);
            var output = await activity.Run(item.Input, context, Options.JsonSerializerOptions, stopping.Token);
            result = new ActivityResult(item, output, null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: leave the attempt leased; the next owner of the file runs it again.
            runningActivities.TryRemove(item.Id, out _);
            return;
        }
        catch (Exception exception)
        {
            result = new ActivityResult(item, null, FailureDetails.From(exception));
        }

        activityResults.Enqueue(result);
        runningActivities.TryRemove(item.Id, out _);
        signal.Set();
    }

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = signal.WaitTask;
            try
            {
                if (await StepAsync(cancellationToken))
                {
                    continue;
                }

                var due = await NextDueTimeAsync(cancellationToken);
                var delay = due is null ? MaxIdleSleep : due.Value - UtcNow;
                if (delay <= TimeSpan.Zero)
                {
                    continue;
                }

                using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var timer = Task.Delay(delay < MaxIdleSleep ? delay : MaxIdleSleep, Options.TimeProvider, sleep.Token);
                await Task.WhenAny(wake, timer);
                await sleep.CancelAsync();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The dispatcher must survive a failed step (e.g. a full disk) and try again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Durable runtime step failed; retrying in one second.");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), Options.TimeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A client write waiting to be committed.</summary>
    private sealed class PendingWrite(string? touched, Func<DurableStore, object?> work)
    {
        public string? Touched { get; } = touched;

        public Func<DurableStore, object?> Work { get; } = work;

        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void CompleteWaiters(InstanceStatus status)
    {
        if (completionWaiters.TryRemove(status.InstanceId, out var list))
        {
            lock (list)
            {
                foreach (var waiter in list)
                {
                    waiter.TrySetResult(status);
                }
            }
        }
    }
}
