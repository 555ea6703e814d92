using System.Net;
using System.Net.Sockets;
using Collections.Activities;
using Collections.AzureFunctions.Workflows;
using Collections.Infrastructure.Storage;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>
/// The Functions app's workflow on a real Durable Task worker and client (Microsoft.DurableTask.InProcessTestHost:
/// a gRPC sidecar over an in-memory orchestration service, on loopback): <see cref="InvoiceOrchestration"/> bound as
/// the extension binds it, the activity functions over a SQLite store in a temporary folder and a recording channel,
/// the app's serializer as the DataConverter of worker and client, and the app's <see cref="DurableInvoiceWorkflows"/>.
/// Real time: the workflow's timers run on the wall clock.
/// </summary>
internal sealed class InProcessDurableApp : IAsyncDisposable
{
    private readonly DurableTaskTestHost host;
    private readonly DirectoryInfo folder;

    private InProcessDurableApp(DurableTaskTestHost host, DirectoryInfo folder, SqliteCollectionsStore store, RecordingMessageSender sender, CollectionsPolicy policy)
    {
        this.host = host;
        this.folder = folder;
        Store = store;
        Sender = sender;
        var clients = new DurableClientSource();
        clients.Use(host.Client);
        Workflows = new DurableInvoiceWorkflows(policy, clients);
    }

    public SqliteCollectionsStore Store { get; }

    public RecordingMessageSender Sender { get; }

    public DurableTaskClient Client => host.Client;

    public DurableInvoiceWorkflows Workflows { get; }

    public static async Task<InProcessDurableApp> StartAsync(CollectionsPolicy policy)
    {
        var folder = Directory.CreateTempSubdirectory("collections-durabletask-");
        var store = new SqliteCollectionsStore(Path.Combine(folder.FullName, "collections.db"));
        var sender = new RecordingMessageSender(TimeProvider.System);
        var converter = new WorkerDataConverter(DurableSerializer.Instance);
        var activities = ActivityFunction.Of(new InvoiceActivityFunctions(new InvoiceActivities(store, sender, InvoiceActivityOptions.Example)));
        var host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestrator(InvoiceWorkflow.Name, FunctionOrchestrator.For(typeof(InvoiceOrchestration), InvoiceWorkflow.Name, converter));
                foreach (var activity in activities)
                {
                    registry.AddActivity(activity.Name, activity);
                }
            },
            new DurableTaskTestHostOptions
            {
                Port = FreeLoopbackPort(),
                ConfigureServices = services => services
                    .Configure<DurableTaskWorkerOptions>(options => options.DataConverter = converter)
                    .Configure<DurableTaskClientOptions>(options => options.DataConverter = converter),
            });
        return new InProcessDurableApp(host, folder, store, sender, policy);
    }

    /// <summary>Runs <paramref name="work"/> on the app's workflow port, whose client source holds this host's client
    /// as <see cref="DurableClientMiddleware"/> binds it in the app.</summary>
    public Task<T> WithClientAsync<T>(Func<DurableInvoiceWorkflows, Task<T>> work) => work(Workflows);

    public Task WithClientAsync(Func<DurableInvoiceWorkflows, Task> work) => WithClientAsync(async workflows =>
    {
        await work(workflows);
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        Store.Dispose();
        folder.Delete(recursive: true);
    }

    /// <summary>The host picks a random port in 30000–40000 when given none, which can collide; the system's is free.</summary>
    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
