using System.Text.Json;
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
    private readonly Func<DurableRuntimeOptions, DurableRuntimeOptions>? configure;

    private DurableTestHost(Func<DurableRegistry> registry, Func<DurableRuntimeOptions, DurableRuntimeOptions>? configure)
    {
        this.registry = registry;
        this.configure = configure;
        Directory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));
        Clock = new FakeTimeProvider(Epoch);
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "durable.db");

    public FakeTimeProvider Clock { get; }

    public DurableRuntime Runtime { get; private set; } = null!;

    public VirtualTimeDriver Driver { get; private set; } = null!;

    public DurableClient Client => Runtime.Client;

    public static async Task<DurableTestHost> StartAsync(
        Func<DurableRegistry> registry, Func<DurableRuntimeOptions, DurableRuntimeOptions>? configure = null)
    {
        var host = new DurableTestHost(registry, configure);
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
        };
        Runtime = new DurableRuntime(registry(), configure is null ? options : configure(options));
        Driver = await VirtualTimeDriver.AttachAsync(Runtime);
    }
}
