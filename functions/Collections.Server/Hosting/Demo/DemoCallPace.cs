using Collections.Activities;
using Collections.Calendar;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Server.Hosting.Demo;

/// <summary>Lets a newcomer work the demo's calls: while the call window is open and calls wait on the list, the demo
/// clock runs at real time; otherwise at <see cref="DemoMode.HoursPerSecond"/> simulated seconds per second. At full
/// speed a call window lasts eight real seconds, too short to pick up a phone.</summary>
internal sealed class DemoCallPace(DemoClock clock, ICollectionsStore store, CollectionsPolicy policy, ILogger<DemoCallPace> logger)
    : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly ContactWindow callWindow = new ContactSchedule(policy).Calls;

    /// <summary>Real time when a task is on today's list and calls may be made now; full demo speed otherwise.</summary>
    public static double FactorFor(IEnumerable<CallTaskRecord> openTasks, DateTimeOffset now, ContactWindow callWindow) =>
        callWindow.IsAllowed(now) && openTasks.Any(task => task.Status == CallTaskStatus.Open && task.CreatedAt <= now)
            ? 1
            : DemoMode.HoursPerSecond;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Checked on the real clock: the demo clock is the thing being steered.
        using var ticks = new PeriodicTimer(CheckEvery, TimeProvider.System);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Reading the call list for the demo's pace failed; the clock keeps its speed.");
            }
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var tasks = await store.ListOpenCallTasksAsync(null, cancellationToken);
        var factor = FactorFor(tasks, clock.GetUtcNow(), callWindow);
        if (factor == clock.Factor)
        {
            return;
        }

        clock.SetFactor(factor);
        await Console.Out.WriteLineAsync(factor == 1
            ? $"Demo: calls wait on /staff/calls, so the clock runs at real time until they are worked or the call window closes ({callWindow.From:HH:mm}–{callWindow.To:HH:mm})."
            : "Demo: no calls to make now; one simulated hour passes per second again.");
    }
}
