using Collections.AzureFunctions.Tests.Workflows;
using Collections.AzureFunctions.Timers;
using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Infrastructure.Storage;
using Collections.Policy;
using Collections.Privacy;
using Collections.Storage;
using Collections.Web.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests.Timers;

/// <summary>The hourly timer sweeps in the configured hour only, with the sweep both hosts share.</summary>
public sealed class RetentionSweepFunctionTests : IDisposable
{
    private readonly TemporaryPath temporary = new();

    private string Folder => temporary.Value;

    public void Dispose() => temporary.Dispose();

    [Theory]
    [InlineData("2026-06-01T04:00:00Z", true)]
    [InlineData("2026-06-01T04:59:59Z", true)]
    [InlineData("2026-06-01T03:00:00Z", false)]
    [InlineData("2026-06-01T05:00:00Z", false)]
    public async Task RunAt_SweepsOnlyInTheConfiguredHour(string now, bool sweeps)
    {
        await using var services = Services(sweepHourUtc: 4);
        var function = ActivatorUtilities.CreateInstance<RetentionSweepFunction>(services);

        var report = await function.RunAtAsync(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.Equal(sweeps, report is not null);
    }

    private ServiceProvider Services(int sweepHourUtc)
    {
        Directory.CreateDirectory(Folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create($"{RetentionOptions.Section}:SweepHourUtc", (string?)sweepHourUtc.ToString(System.Globalization.CultureInfo.InvariantCulture))])
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System);
        services.AddSingleton<ICollectionsStore>(new SqliteCollectionsStore(Path.Combine(Folder, "collections.db")));
        var durable = new DurableClientSource();
        durable.Use(new RecordingDurableClient());
        services.AddSingleton<IInvoiceWorkflows>(new DurableInvoiceWorkflows(new CollectionsPolicy(), durable));
        services.AddCollectionsPrivacy();
        return services.BuildServiceProvider();
    }
}
