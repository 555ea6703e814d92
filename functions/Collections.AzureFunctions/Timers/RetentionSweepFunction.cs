using Collections.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collections.AzureFunctions.Timers;

/// <summary>
/// The daily retention sweep on Azure, as the server's <c>RetentionHost</c> runs it: the same
/// <see cref="RetentionSweep"/> at <see cref="RetentionOptions.SweepHourUtc"/> (<c>Collections__Retention__SweepHourUtc</c>).
/// The timer fires at the top of every hour and sweeps in the configured one, so the hour stays a setting shared
/// with the server rather than a schedule fixed in the attribute. A failed sweep is logged and runs again the next
/// day; the sweep resumes where it stopped.
/// </summary>
public sealed partial class RetentionSweepFunction(RetentionSweep sweep, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionSweepFunction> logger)
{
    public const string Name = "RetentionSweep";

    /// <summary>NCRONTAB (second minute hour day month weekday), UTC: minute 0 of every hour.</summary>
    public const string Schedule = "0 0 * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await RunAtAsync(time.GetUtcNow(), cancellationToken);
    }

    /// <returns>The sweep's report, or null when <paramref name="now"/> is not in the sweep hour.</returns>
    public async Task<RetentionReport?> RunAtAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now.UtcDateTime.Hour != options.Value.SweepHourUtc)
        {
            return null;
        }

        try
        {
            var report = await sweep.RunAsync(now, cancellationToken);
            LogSwept(report.Redacted.Count, report.Waiting.Count);
            return report;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: {Redacted} invoices redacted, {Waiting} left for the next sweep.")]
    private partial void LogSwept(int redacted, int waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again tomorrow.")]
    private partial void LogFailed(Exception exception);
}
