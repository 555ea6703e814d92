using Collections.Privacy;
using Microsoft.Extensions.Options;

namespace Collections.Server.Privacy;

/// <summary>Runs the retention sweep once a day at <see cref="RetentionOptions.SweepHourUtc"/> (the Azure app's timer trigger does the same there).
/// A sweep that fails is logged and tried again the next day; the sweep itself resumes where it stopped.</summary>
internal sealed partial class RetentionHost(RetentionSweep sweep, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionHost> logger)
    : BackgroundService
{
    public static DateTimeOffset NextRun(DateTimeOffset now, int hourUtc)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hourUtc), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NextRun(now, options.Value.SweepHourUtc) - now, time, stoppingToken);
            try
            {
                var report = await sweep.RunAsync(time.GetUtcNow(), stoppingToken);
                LogSwept(report.Redacted.Count, report.Waiting.Count);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: {Redacted} invoices redacted, {Waiting} left for the next sweep.")]
    private partial void LogSwept(int redacted, int waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again tomorrow.")]
    private partial void LogFailed(Exception exception);
}
