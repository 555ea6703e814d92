using System.Diagnostics;

namespace Collections.Durable.Engine;

/// <summary>Per-step timings collected for benchmarks: how long each committed turn waited for its step.</summary>
internal sealed class StepMetrics
{
    private readonly Lock gate = new();
    private readonly List<double> turnMilliseconds = [];

    private const double SlowStepMilliseconds = 100;

    public long Turns { get; private set; }

    /// <summary>Steps that took longer than 100 ms: duration, turns, activities started.</summary>
    public List<(double Milliseconds, int Turns, int Activities)> SlowSteps { get; } = [];

    public long ActivitiesStarted { get; private set; }

    public void Record(long startedTimestamp, int turns, int activities)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        lock (gate)
        {
            Turns += turns;
            ActivitiesStarted += activities;
            if (elapsed > SlowStepMilliseconds)
            {
                SlowSteps.Add((elapsed, turns, activities));
            }

            for (var i = 0; i < turns; i++)
            {
                turnMilliseconds.Add(elapsed);
            }
        }
    }

    /// <summary>The <paramref name="percentile"/> (0–100) of the step duration seen by each turn.</summary>
    public double TurnPercentile(double percentile)
    {
        lock (gate)
        {
            if (turnMilliseconds.Count == 0)
            {
                return 0;
            }

            var sorted = turnMilliseconds.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
        }
    }
}
