namespace Collections.Durable.CrashHost;

/// <summary>
/// The workflow the crash test kills mid-flight: four activities, two durable timers, one external event, and a
/// check that a re-raised event (same event id) is not delivered twice. Its output lists every applied result
/// in order, so a result applied twice or lost shows up in the output.
/// </summary>
public static class CrashWorkflow
{
    public const string Name = "Crashy";
    public const string Activity = "Apply";
    public const string GoEvent = "Go";
    public const int Steps = 4;

    public static DurableRegistry Register(DurableRegistry registry, string executionLogPath)
    {
        var logLock = new object();
        return registry
            .AddActivity<int, int>(Activity, async (step, context, cancellation) =>
            {
                await Task.Delay(Random.Shared.Next(0, 4), cancellation);
                lock (logLock)
                {
                    File.AppendAllText(executionLogPath, context.IdempotencyKey + "\n");
                }

                return step * 10;
            })
            .AddOrchestrator(Name, async ctx =>
            {
                // Spread the instances' timers so the kills land while some are done and others are mid-flight.
                var timerDelay = TimeSpan.FromMilliseconds(200 + (ctx.GetInput<int>() % 10 * 150));
                var applied = new List<string>();
                for (var step = 1; step <= Steps; step++)
                {
                    applied.Add($"a{await ctx.CallActivityAsync<int>(Activity, step)}");
                    if (step == 1)
                    {
                        applied.Add($"go{await ctx.WaitForExternalEvent<int>(GoEvent)}");
                    }

                    if (step % 2 == 0)
                    {
                        await ctx.CreateTimer(ctx.CurrentUtcDateTime + timerDelay, CancellationToken.None);
                        applied.Add("timer");
                    }
                }

                using var cancel = new CancellationTokenSource();
                var duplicate = ctx.WaitForExternalEvent<int>(GoEvent, cancel.Token);
                var quiet = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMilliseconds(100), cancel.Token);
                var winner = await Task.WhenAny(duplicate, quiet);
                cancel.Cancel();
                applied.Add(winner == duplicate ? "duplicate-go" : "no-duplicate");
                return applied;
            });
    }

    /// <summary>What every instance must output, whatever the crashes.</summary>
    public static IReadOnlyList<string> ExpectedOutput(int instance) =>
        ["a10", $"go{instance}", "a20", "timer", "a30", "a40", "timer", "no-duplicate"];
}
