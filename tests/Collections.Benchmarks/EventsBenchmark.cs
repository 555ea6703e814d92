using System.Diagnostics;
using System.Text.Json;
using Collections.Durable;
using Collections.Durable.Engine;

namespace Collections.Benchmarks;

/// <summary>External events raised to many waiting instances: events delivered and processed per second.</summary>
internal static class EventsBenchmark
{
    private const int Raisers = 8;

    public static async Task<string> RunAsync(int instances)
    {
        using var database = new BenchmarkDatabase();
        var registry = new DurableRegistry().AddOrchestrator("AwaitPayment", async ctx =>
            await ctx.WaitForExternalEvent<decimal>("PaymentReceived"));
        await using var runtime = new DurableRuntime(registry, new DurableRuntimeOptions { DatabasePath = database.Path });
        var metrics = new StepMetrics();
        runtime.Metrics = metrics;
        await runtime.StartAsync();

        for (var i = 0; i < instances; i++)
        {
            await runtime.Client.StartAsync("AwaitPayment", $"pay-{i}");
        }

        while (metrics.Turns < instances)
        {
            await Task.Delay(50);
        }

        Console.WriteLine($"{instances} instances waiting");
        var clock = Stopwatch.StartNew();
        // Like webhooks arriving on several connections at once.
        await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = Raisers }, async (i, _) =>
            await runtime.Client.RaiseEventAsync($"pay-{i}", "PaymentReceived", 12.50m, eventId: $"payment-{i}"));

        var raisedAfter = clock.Elapsed.TotalSeconds;
        while (metrics.Turns < 2L * instances)
        {
            await Task.Delay(5);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"raised {instances} events in {raisedAfter:F2} s; all processed after {elapsed:F2} s");
        return JsonSerializer.Serialize(new
        {
            benchmark = "events",
            instances,
            concurrentRaisers = Raisers,
            eventsPerSecond = Math.Round(instances / elapsed, 1),
            p99TurnMs = Math.Round(metrics.TurnPercentile(99), 1),
        });
    }
}
