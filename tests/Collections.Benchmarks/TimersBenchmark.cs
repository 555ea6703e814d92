using System.Diagnostics;
using System.Text.Json;
using Collections.Durable;
using Collections.Durable.Engine;

namespace Collections.Benchmarks;

/// <summary>
/// Many instances each racing a durable timer against an event: resident memory once all wait, and how late the
/// timers fire (turn time minus fire time) when they come due, spread over 20 seconds.
/// </summary>
internal static class TimersBenchmark
{
    private static readonly TimeSpan FiringWindow = TimeSpan.FromSeconds(20);

    public static async Task<string> RunAsync(int instances)
    {
        using var database = new BenchmarkDatabase();
        var registry = new DurableRegistry().AddOrchestrator("TimerOrEvent", async ctx =>
        {
            var fireAt = ctx.GetInput<DateTime>();
            using var cancel = new CancellationTokenSource();
            var timer = ctx.CreateTimer(fireAt, cancel.Token);
            var nudge = ctx.WaitForExternalEvent<string>("Nudge", cancel.Token);
            var winner = await Task.WhenAny(timer, nudge);
            cancel.Cancel();
            return winner == timer ? (ctx.CurrentUtcDateTime - fireAt).TotalMilliseconds : -1;
        });
        await using var runtime = new DurableRuntime(registry, new DurableRuntimeOptions { DatabasePath = database.Path });
        var metrics = new StepMetrics();
        runtime.Metrics = metrics;
        await runtime.StartAsync();

        // Budget the start-up from a measured rate, so every timer is armed before the first one fires.
        var clock = Stopwatch.StartNew();
        var start = DateTime.UtcNow;
        var firstFire = start + TimeSpan.FromSeconds(10 + (instances / 2_000.0));
        await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await runtime.Client.StartAsync("TimerOrEvent", $"timer-{i}", firstFire + (FiringWindow * i / instances)));

        while (metrics.Turns < instances)
        {
            await Task.Delay(100);
        }

        var armedAfter = clock.Elapsed;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var workingSetMb = Environment.WorkingSet / (1024.0 * 1024.0);
        Console.WriteLine($"{instances} instances waiting after {armedAfter.TotalSeconds:F1} s (first timer at {(firstFire - start).TotalSeconds:F1} s); working set {workingSetMb:F0} MB");
        if (DateTime.UtcNow > firstFire)
        {
            Console.WriteLine("warning: timers started firing before all instances were armed");
        }

        var lastFire = firstFire + FiringWindow;
        var delay = lastFire - DateTime.UtcNow;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        while (metrics.Turns < 2L * instances)
        {
            await Task.Delay(100);
        }

        var lateness = new List<double>(instances);
        string? token = null;
        do
        {
            var page = await runtime.Client.QueryAsync(new InstanceQuery([OrchestrationRuntimeStatus.Completed], 1000, token));
            lateness.AddRange(page.Instances.Select(s => s.ReadOutput<double>()));
            token = page.ContinuationToken;
        }
        while (token is not null);

        lateness.Sort();
        Console.WriteLine($"slow steps: {string.Join(", ", metrics.SlowSteps.Select(s => $"{s.Milliseconds:F0} ms/{s.Turns} turns"))}");
        Console.WriteLine($"{lateness.Count} timers fired; max lateness {lateness[^1]:F0} ms");
        return JsonSerializer.Serialize(new
        {
            benchmark = "timers",
            instances,
            workingSetMbWhileWaiting = Math.Round(workingSetMb, 1),
            timerLatenessP50Ms = Math.Round(Percentile(lateness, 50), 1),
            timerLatenessP99Ms = Math.Round(Percentile(lateness, 99), 1),
        });
    }

    private static double Percentile(List<double> sorted, double percentile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
}
