using System.Diagnostics;
using System.Text.Json;
using Collections.Durable;
using Collections.Durable.Engine;

namespace Collections.Benchmarks;

/// <summary>HelloCities5: each orchestration calls five activities in sequence (the Netherite/MSSQL benchmark shape).</summary>
internal static class SequenceBenchmark
{
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Berlin"];

    public static async Task<string> RunAsync(int instances)
    {
        using var database = new BenchmarkDatabase();
        var registry = new DurableRegistry()
            .AddActivity<string, string>("SayHello", city => Task.FromResult($"Hello {city}!"))
            .AddOrchestrator("HelloCities5", async ctx =>
            {
                var greetings = new List<string>(Cities.Length);
                foreach (var city in Cities)
                {
                    greetings.Add(await ctx.CallActivityAsync<string>("SayHello", city));
                }

                return greetings;
            });
        await using var runtime = new DurableRuntime(registry, new DurableRuntimeOptions { DatabasePath = database.Path });
        var metrics = new StepMetrics();
        runtime.Metrics = metrics;
        await runtime.StartAsync();

        var clock = Stopwatch.StartNew();
        var completions = new List<Task<InstanceStatus>>(instances);
        for (var i = 0; i < instances; i++)
        {
            await runtime.Client.StartAsync("HelloCities5", $"hello-{i}");
            completions.Add(runtime.Client.WaitForCompletionAsync($"hello-{i}"));
        }

        Console.WriteLine($"started {instances} in {clock.Elapsed.TotalSeconds:F1} s");
        var statuses = await Task.WhenAll(completions);
        var elapsed = clock.Elapsed.TotalSeconds;
        if (statuses.Any(s => s.RuntimeStatus != OrchestrationRuntimeStatus.Completed || s.ReadOutput<List<string>>()!.Count != Cities.Length))
        {
            throw new InvalidOperationException("Not every orchestration completed with five greetings.");
        }

        Console.WriteLine($"completed {instances} in {elapsed:F1} s; {metrics.Turns} turns, {metrics.ActivitiesStarted} activities");
        return JsonSerializer.Serialize(new
        {
            benchmark = "sequence5",
            instances,
            orchestrationsPerSecond = Math.Round(instances / elapsed, 1),
            actionsPerSecond = Math.Round((metrics.Turns + metrics.ActivitiesStarted) / elapsed, 1),
            p99TurnMs = Math.Round(metrics.TurnPercentile(99), 1),
        });
    }
}
