using System.Diagnostics;
using System.Text.Json;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Benchmarks;

/// <summary>
/// The same sequence5 (HelloCities5) on the Durable Task engine (DurableTask.Core's TaskHubWorker and TaskHubClient)
/// over the in-memory, non-durable orchestration service of Microsoft.DurableTask.InProcessTestHost, in rounds
/// interleaved with the embedded runtime, so machine load hits both alike. Prints the ratio ours ÷ theirs per round.
/// </summary>
internal static class PeersBenchmark
{
    public static async Task<string> RunAsync(int instances, int rounds)
    {
        var ours = new List<double>();
        var theirs = new List<double>();
        var statements = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var run = await SequenceBenchmark.MeasureAsync(instances);
            ours.Add(run.OrchestrationsPerSecond);
            statements.Add(run.StatementsPerOrchestration);
            theirs.Add(await InMemoryDurableTaskAsync(instances));
            Console.WriteLine($"round {round}: ours {ours[^1]:F0}/s, in-memory Durable Task {theirs[^1]:F0}/s, ratio ×{ours[^1] / theirs[^1]:F2}");
        }

        var ratios = ours.Zip(theirs, (o, t) => o / t).Order().ToList();
        return JsonSerializer.Serialize(new
        {
            benchmark = "peers",
            instances,
            rounds,
            oursPerSecond = MinMedianMax(ours),
            inMemoryDurableTaskPerSecond = MinMedianMax(theirs),
            ratioOursToInMemory = MinMedianMax(ratios, 2),
            statementsPerOrchestration = MinMedianMax(statements),
        });
    }

    private static async Task<double> InMemoryDurableTaskAsync(int instances)
    {
        var service = new InMemoryOrchestrationService(NullLoggerFactory.Instance);
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(typeof(HelloCities5));
        worker.AddTaskActivities(typeof(SayHello));
        await worker.StartAsync();
        try
        {
            var client = new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance);
            var clock = Stopwatch.StartNew();
            var completions = new List<Task<OrchestrationState>>(instances);
            for (var i = 0; i < instances; i++)
            {
                var instance = await client.CreateOrchestrationInstanceAsync(typeof(HelloCities5), $"hello-{i}", input: null);
                completions.Add(client.WaitForOrchestrationAsync(instance, TimeSpan.FromMinutes(10)));
            }

            var states = await Task.WhenAll(completions);
            var elapsed = clock.Elapsed.TotalSeconds;
            if (states.Any(s => s?.OrchestrationStatus != OrchestrationStatus.Completed))
            {
                throw new InvalidOperationException("Not every Durable Task orchestration completed.");
            }

            Console.WriteLine($"in-memory Durable Task: {instances} in {elapsed:F1} s");
            return instances / elapsed;
        }
        finally
        {
            await worker.StopAsync(isForced: true);
        }
    }

    private static double[] MinMedianMax(List<double> values, int digits = 1)
    {
        var sorted = values.Order().ToList();
        return [Math.Round(sorted[0], digits), Math.Round(sorted[sorted.Count / 2], digits), Math.Round(sorted[^1], digits)];
    }

    private sealed class HelloCities5 : TaskOrchestration<List<string>, string>
    {
        public override async Task<List<string>> RunTask(OrchestrationContext context, string input)
        {
            var greetings = new List<string>(SequenceBenchmark.Cities.Length);
            foreach (var city in SequenceBenchmark.Cities)
            {
                greetings.Add(await context.ScheduleTask<string>(typeof(SayHello), city));
            }

            return greetings;
        }
    }

    private sealed class SayHello : TaskActivity<string, string>
    {
        protected override string Execute(TaskContext context, string input) => $"Hello {input}!";
    }
}
