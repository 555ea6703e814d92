using System.Diagnostics;
using System.Text.Json;
using Collections.Durable;
using Collections.Durable.Engine;

namespace Collections.Benchmarks;

/// <summary>HelloCities5: each orchestration calls five activities in sequence (the Netherite/MSSQL benchmark shape).</summary>
internal static class SequenceBenchmark
{
    public static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Berlin"];

    public static async Task<string> RunAsync(int instances)
    {
        var run = await MeasureAsync(instances);
        return JsonSerializer.Serialize(new
        {
            benchmark = "sequence5",
            instances,
            orchestrationsPerSecond = Math.Round(run.OrchestrationsPerSecond, 1),
            actionsPerSecond = Math.Round(run.ActionsPerSecond, 1),
            statementsPerOrchestration = Math.Round(run.StatementsPerOrchestration, 1),
            p99TurnMs = Math.Round(run.P99TurnMilliseconds, 1),
        });
    }

    /// <summary>Starts <paramref name="instances"/> HelloCities5 orchestrations one after another and waits for all.</summary>
    public static async Task<SequenceRun> MeasureAsync(int instances)
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

        var statementsBefore = runtime.StatementsExecuted;
        var clock = Stopwatch.StartNew();
        var completions = new List<Task<InstanceStatus>>(instances);
        for (var i = 0; i < instances; i++)
        {
            await runtime.Client.StartAsync("HelloCities5", $"hello-{i}");
            completions.Add(runtime.Client.WaitForCompletionAsync($"hello-{i}"));
        }

        var startedAfter = clock.Elapsed.TotalSeconds;
        var statuses = await Task.WhenAll(completions);
        var elapsed = clock.Elapsed.TotalSeconds;
        if (statuses.Any(s => s.RuntimeStatus != OrchestrationRuntimeStatus.Completed || s.ReadOutput<List<string>>()!.Count != Cities.Length))
        {
            throw new InvalidOperationException("Not every orchestration completed with five greetings.");
        }

        var statements = (double)(runtime.StatementsExecuted - statementsBefore) / instances;
        Console.WriteLine($"ours: {instances} started after {startedAfter:F1} s, completed after {elapsed:F1} s; {metrics.Turns} turns, {metrics.ActivitiesStarted} activities, {statements:F1} statements each");
        return new SequenceRun(
            instances / elapsed,
            (metrics.Turns + metrics.ActivitiesStarted) / elapsed,
            statements,
            metrics.TurnPercentile(99));
    }
}

/// <summary>The figures of one sequence5 run of the embedded runtime.</summary>
internal sealed record SequenceRun(double OrchestrationsPerSecond, double ActionsPerSecond, double StatementsPerOrchestration, double P99TurnMilliseconds);
