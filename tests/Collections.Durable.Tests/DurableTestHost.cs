using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Durable.Tests;

/// <summary>
/// A runtime over a real SQLite file in a fresh temp directory, driven in virtual time. <see cref="RestartAsync"/>
/// disposes the runtime and opens a new one over the same file, like a process restart.
/// </summary>
internal sealed class DurableTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly Func<DurableRegistry> registry;
    private readonly TimeSpan? eventRetention;
    private readonly int cacheSize;
    private readonly ILoggerFactory loggerFactory;

    private DurableTestHost(Func<DurableRegistry> registry, TimeSpan? eventRetention, int cacheSize, ILoggerFactory? loggerFactory)
    {
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        this.registry = registry;
        this.eventRetention = eventRetention;
        this.cacheSize = cacheSize;
        Directory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));
        Clock = new FakeTimeProvider(Epoch);
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "durable.db");

    public FakeTimeProvider Clock { get; }

    public DurableRuntime Runtime { get; private set; } = null!;

    public VirtualTimeDriver Driver { get; private set; } = null!;

    public DurableClient Client => Runtime.Client;

    /// <summary>Opens a host; <paramref name="cacheSize"/> 0 makes every turn replay the full history.</summary>
    public static async Task<DurableTestHost> StartAsync(
        Func<DurableRegistry> registry, TimeSpan? eventRetention = null, int cacheSize = 100, ILoggerFactory? loggerFactory = null)
    {
        var host = new DurableTestHost(registry, eventRetention, cacheSize, loggerFactory);
        await host.OpenAsync();
        return host;
    }

    public async Task RestartAsync()
    {
        await Runtime.DisposeAsync();
        await OpenAsync();
    }

    public async Task<InstanceStatus> StatusAsync(string instanceId) =>
        await Client.GetStatusAsync(instanceId) ?? throw new InvalidOperationException($"No instance '{instanceId}'.");

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task OpenAsync()
    {
        var options = new DurableRuntimeOptions
        {
            DatabasePath = DatabasePath,
            TimeProvider = Clock,
            JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            EventRetention = eventRetention ?? TimeSpan.FromDays(30),
            OrchestrationCacheSize = cacheSize,
            LoggerFactory = loggerFactory,
        };
        Runtime = new DurableRuntime(registry(), options);
        Driver = await VirtualTimeDriver.AttachAsync(Runtime);
    }
}
