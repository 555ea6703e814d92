using System.Diagnostics;
using System.Text.Json;
using Collections.Server.Tests.Storage;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Benchmarks;

/// <summary>
/// The same sequence5 (HelloCities5) on the Durable Task engine (DurableTask.Core's TaskHubWorker and TaskHubClient)
/// over two orchestration services, in rounds interleaved with the embedded runtime, so machine load hits both alike:
/// the in-memory, non-durable one of Microsoft.DurableTask.InProcessTestHost (<c>instances</c> orchestrations), and the
/// Azure Storage provider (Microsoft.Azure.DurableTask.AzureStorage, what Durable Functions runs on by default) on a
/// local Azurite (<c>storageInstances</c>, each paired with a run of ours of the same size). Prints the ratios ours ÷ theirs.
/// </summary>
internal static class PeersBenchmark
{
    public static async Task<string> RunAsync(int instances, int storageInstances, int rounds)
    {
        var ours = new List<double>();
        var theirs = new List<double>();
        var statements = new List<double>();
        var oursSmall = new List<double>();
        var storage = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var run = await SequenceBenchmark.MeasureAsync(instances);
            ours.Add(run.OrchestrationsPerSecond);
            statements.Add(run.StatementsPerOrchestration);
            theirs.Add(await RunOnDurableTaskAsync(new InMemoryOrchestrationService(NullLoggerFactory.Instance), instances, "in-memory Durable Task"));
            Console.WriteLine($"round {round}: ours {ours[^1]:F0}/s, in-memory Durable Task {theirs[^1]:F0}/s, ratio ×{ours[^1] / theirs[^1]:F2}");

            oursSmall.Add((await SequenceBenchmark.MeasureAsync(storageInstances)).OrchestrationsPerSecond);
            using (var azurite = AzuriteFixture.WithBlobsAndQueues())
            {
                storage.Add(await RunOnDurableTaskAsync(await AzureStorageAsync(azurite), storageInstances, "Durable Task on Azure Storage (Azurite)"));
            }

            Console.WriteLine($"round {round}: ours {oursSmall[^1]:F0}/s, Azure Storage provider {storage[^1]:F1}/s, ratio ×{oursSmall[^1] / storage[^1]:F1}");
        }

        return JsonSerializer.Serialize(new
        {
            benchmark = "peers",
            instances,
            storageInstances,
            rounds,
            oursPerSecond = MinMedianMax(ours),
            inMemoryDurableTaskPerSecond = MinMedianMax(theirs),
            ratioOursToInMemory = MinMedianMax([.. ours.Zip(theirs, (o, t) => o / t)], 2),
            statementsPerOrchestration = MinMedianMax(statements),
            oursAtStorageSizePerSecond = MinMedianMax(oursSmall),
            azureStorageDurableTaskPerSecond = MinMedianMax(storage),
            ratioOursToAzureStorage = MinMedianMax([.. oursSmall.Zip(storage, (o, t) => o / t)]),
        });
    }

    /// <summary>A task hub on a fresh Azurite (one per round: an in-memory Azurite slows down as earlier hubs' tables,
    /// queues and blobs pile up), created before the clock starts; the provider's defaults (4 partitions, control-queue
    /// batches of 32) but for the polling back-off.</summary>
    private static async Task<IOrchestrationService> AzureStorageAsync(AzuriteFixture azurite)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(azurite.ConnectionString),
            TaskHubName = "peers",
            // The default backs off to 30 s on an idle queue; a busy benchmark should not wait on that.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        });
        await service.CreateIfNotExistsAsync();
        return service;
    }

    private static async Task<double> RunOnDurableTaskAsync(IOrchestrationService service, int instances, string name)
    {
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(typeof(HelloCities5));
        worker.AddTaskActivities(typeof(SayHello));
        await worker.StartAsync();
        try
        {
            var client = new TaskHubClient((IOrchestrationServiceClient)service, loggerFactory: NullLoggerFactory.Instance);
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

            Console.WriteLine($"{name}: {instances} in {elapsed:F1} s");
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
