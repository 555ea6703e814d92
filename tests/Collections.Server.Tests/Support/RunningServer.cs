using Collections.Durable;
using Collections.Handlers;
using Collections.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Collections.Server.Workflows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Tests.Support;

/// <summary>The real server app on real Kestrel at 127.0.0.1 on a free port, with its own data folder and
/// SQLite store (or the store the extra arguments choose).</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789abcdef";
    public const string WebhookSecret = "generic-webhook-secret";
    public const string StripeSecret = "whsec_test_secret";
    public const string EventGridSecret = "event-grid-subscription-secret";

    private readonly WebApplication app;
    private VirtualTimeDriver? driver;

    private RunningServer(WebApplication app, string dataPath, Uri address)
    {
        this.app = app;
        DataPath = dataPath;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        Anonymous = new HttpClient { BaseAddress = address };
    }

    public string DataPath { get; }

    public Uri Address { get; }

    /// <summary>Sends the test API key.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no API key (webhooks, approval pages, the 401 tests).</summary>
    public HttpClient Anonymous { get; }

    public IServiceProvider Services => app.Services;

    public ICollectionsStore Store => app.Services.GetRequiredService<ICollectionsStore>();

    public RecordingWorkflows Workflows => (RecordingWorkflows)app.Services.GetRequiredService<IInvoiceWorkflows>();

    public FakeTimeProvider Time => (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();

    /// <summary>The embedded runtime under virtual time (only with <c>realWorkflows</c>): advance it explicitly.</summary>
    public VirtualTimeDriver Driver => driver ?? throw new InvalidOperationException("Start the server with realWorkflows: true.");

    /// <param name="realWorkflows">Run the real invoice workflow on the embedded runtime, driven by
    /// <see cref="Driver"/> under virtual time; otherwise the handlers talk to a <see cref="RecordingWorkflows"/>.</param>
    /// <param name="services">Replaces services after the app's own registrations (e.g. a provider by a stand-in).</param>
    public static async Task<RunningServer> StartAsync(
        IEnumerable<string>? extraArgs = null, bool configureKeys = true, bool realWorkflows = false, Action<IServiceCollection>? services = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-server-tests", Guid.NewGuid().ToString("N"));
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Collections:DataPath={dataPath}",
            $"--Collections:Sqlite:Path={Path.Combine(dataPath, "collections.db")}",
            $"--Collections:Webhooks:Secret={WebhookSecret}",
            "--Collections:Activities:CollectionAgency=Incasso Test B.V.",
            "--Collections:Activities:CollectionAgencyEmail=dossiers@incasso.example",
            $"--Collections:Stripe:WebhookSecret={StripeSecret}",
            "--Logging:LogLevel:Default=Warning",
            $"--Collections:Channels:EventGrid:Secret={EventGridSecret}",
        };
        if (configureKeys)
        {
            args.Add($"--Collections:ApiKeys:0={ApiKey}");
        }

        args.AddRange(extraArgs ?? []);
        var app = ServerApp.Build([.. args], registered =>
        {
            services?.Invoke(registered);
            registered.RemoveAll<TimeProvider>();
            registered.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
            if (!realWorkflows)
            {
                registered.RemoveAll<IInvoiceWorkflows>();
                registered.AddSingleton<IInvoiceWorkflows, RecordingWorkflows>();
            }

            // The runtime's own loop stays off: tests (and only tests) move its clock.
            registered.Remove(registered.Single(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(WorkflowHost)));

            // Likewise the daily retention sweep: tests run it through its endpoint at the virtual moment they choose.
            registered.Remove(registered.Single(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(Collections.Server.Privacy.RetentionHost)));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new RunningServer(app, dataPath, new Uri(address));
        if (realWorkflows)
        {
            server.driver = await VirtualTimeDriver.AttachAsync(app.Services.GetRequiredService<DurableRuntime>());
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
