using Collections.Activities;
using Collections.Durable;
using Collections.Infrastructure.Storage;
using Collections.Messaging;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Server.Workflows;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Tests.Workflow;

public sealed class WorkflowHostTests
{
    [Fact]
    public async Task AddCollectionsWorkflows_HostedRuntime_RunsAnInvoiceToPaid()
    {
        var directory = Directory.CreateTempSubdirectory("collections-host-");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)));
        var store = new SqliteCollectionsStore(Path.Combine(directory.FullName, "collections.db"));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ICollectionsStore>(store)
            .AddSingleton<IMessageSender>(new RecordingMessageSender(clock))
            .AddCollectionsWorkflows(Path.Combine(directory.FullName, "durable.db"), InvoiceActivityOptions.Example);
        await using (var provider = services.BuildServiceProvider())
        {
            var host = provider.GetServices<IHostedService>().OfType<WorkflowHost>().Single();
            await host.StartAsync(CancellationToken.None);
            var workflows = provider.GetRequiredService<InvoiceWorkflowClient>();
            var invoice = WorkflowHarness.Invoice("H-1", "D-9");

            await workflows.StartAsync(invoice, new CollectionsPolicy());
            await workflows.RaiseAsync("H-1", new PaymentReceived("tr_h", 1250m, clock.GetUtcNow()), "tr_h");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var status = await provider.GetRequiredService<DurableRuntime>().Client.WaitForCompletionAsync(InvoiceWorkflow.InstanceIdFor("H-1"), timeout.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
            Assert.Equal(InvoiceResult.Paid, status.ReadOutput<InvoiceResult?>());
            await host.StopAsync(CancellationToken.None);
        }

        store.Dispose();
        directory.Delete(recursive: true);
    }
}
