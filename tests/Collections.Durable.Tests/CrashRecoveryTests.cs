using System.Diagnostics;
using Xunit.Abstractions;
using Collections.Durable.CrashHost;

namespace Collections.Durable.Tests;

public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Instances = 200;

    [Fact]
    public async Task Runtime_KilledRepeatedlyMidWorkflow_EveryInstanceCompletesWithEachTransitionOnce()
    {
        var directory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "crash.db");
        var executionLog = Path.Combine(directory, "executions.log");
        var random = new Random(20261123);
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(55));

        var kills = 0;
        var midWorkflowKills = 0;
        for (var run = 0; run < 8; run++)
        {
            using var child = StartHost(database, executionLog);
            // Kill at a random point after the host has (re)started its instances and raised their events.
            await child.StandardOutput.ReadLineAsync(overall.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 900)), overall.Token);
            if (!child.HasExited)
            {
                child.Kill(); // SIGKILL on Unix: no shutdown code runs.
                kills++;
            }

            await child.WaitForExitAsync(overall.Token);
            var completed = await CountCompletedAsync(database, executionLog);
            output.WriteLine($"run {run}: killed={child.ExitCode != 0}, completed instances={completed}");
            midWorkflowKills += completed is > 0 and < Instances ? 1 : 0;
            if (completed == Instances)
            {
                break;
            }
        }

        using (var final = StartHost(database, executionLog))
        {
            await final.WaitForExitAsync(overall.Token);
            Assert.Equal(0, final.ExitCode);
        }

        await using var runtime = new DurableRuntime(
            CrashWorkflow.Register(new DurableRegistry(), executionLog),
            new DurableRuntimeOptions { DatabasePath = database });
        for (var i = 0; i < Instances; i++)
        {
            var status = await runtime.Client.GetStatusAsync($"i{i}");
            Assert.NotNull(status);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
            Assert.Equal(CrashWorkflow.ExpectedOutput(i), status.ReadOutput<List<string>>());
        }

        var executions = (await File.ReadAllLinesAsync(executionLog, overall.Token)).Where(l => l.Length > 0).ToList();
        var distinct = executions.Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(Instances * CrashWorkflow.Steps, distinct);
        output.WriteLine($"{kills} kills, {executions.Count} activity executions for {distinct} activity calls");
        Assert.True(midWorkflowKills >= 1, "no kill landed while some but not all instances had completed");
    }

    private static async Task<int> CountCompletedAsync(string database, string executionLog)
    {
        await using var runtime = new DurableRuntime(
            CrashWorkflow.Register(new DurableRegistry(), executionLog),
            new DurableRuntimeOptions { DatabasePath = database });
        var page = await runtime.Client.QueryAsync(new InstanceQuery([OrchestrationRuntimeStatus.Completed], PageSize: 1000));
        return page.Instances.Count;
    }

    private static Process StartHost(string database, string executionLog)
    {
        var hostDll = Path.Combine(
            AppContext.BaseDirectory.Replace("Collections.Durable.Tests", "Collections.Durable.CrashHost", StringComparison.Ordinal),
            "Collections.Durable.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { hostDll, database, executionLog, Instances.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash host.");
    }
}
