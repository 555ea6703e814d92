using System.Text.Json;
using Collections.Activities;
using Collections.AzureFunctions.Workflows;
using Collections.Durable;
using Collections.Infrastructure.Storage;
using Collections.Invoices;
using Collections.Json;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Server.Workflows;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Collections.AzureFunctions.Tests.Workflows;

/// <summary>The status view on Azure shows the same wait as self-hosted: the workflow publishes its next step time and
/// awaited events in its custom status, and what Durable Task hands back of it (<see cref="DurableWorkflowView"/>) is
/// what the embedded runtime reports from its own tables — checked on the embedded runtime, where both can be read.</summary>
public sealed class WorkflowCustomStatusTests : IAsyncLifetime
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("collections-status-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)));
    private SqliteCollectionsStore store = null!;
    private DurableRuntime runtime = null!;
    private VirtualTimeDriver driver = null!;

    public async Task InitializeAsync()
    {
        store = new SqliteCollectionsStore(Path.Combine(directory.FullName, "collections.db"));
        runtime = CollectionsRuntime.Create(Path.Combine(directory.FullName, "durable.db"), clock, store, new RecordingMessageSender(clock), InvoiceActivityOptions.Example, maxConcurrentActivities: 1);
        driver = await VirtualTimeDriver.AttachAsync(runtime);
    }

    public async Task DisposeAsync()
    {
        await runtime.DisposeAsync();
        store.Dispose();
        directory.Delete(recursive: true);
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00+01:00")]
    [InlineData("2026-03-04T12:00:00+01:00")]
    [InlineData("2026-03-09T12:00:00+01:00")]
    public async Task CustomStatus_ReadAsOnDurable_ShowsTheWaitTheEmbeddedRuntimeReports(string at)
    {
        var invoice = new Invoice("A-1", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 1250m, "EUR",
            new Debtor("D-1", "Jan Jansen", DebtorKind.Consumer, "jan@example.nl", "+31612345678", Channel.Sms, "nl"));
        await store.AddInvoiceAsync(new InvoiceRecord(invoice, invoice.Number, clock.GetUtcNow(), "open", invoice.Amount), CancellationToken.None);
        await new InvoiceWorkflowClient(runtime.Client).StartAsync(invoice, new CollectionsPolicy());
        await driver.AdvanceToAsync(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        var status = (await runtime.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor("A-1"), CancellationToken.None))!;
        var customStatus = JsonSerializer.Serialize(status.ReadCustomStatus<JsonElement>(), CollectionsJson.Options);
        var onDurable = DurableWorkflowView.From("Running", customStatus, serializedOutput: null);

        Assert.NotNull(status.NextTimerAt);
        Assert.Equal(status.NextTimerAt, onDurable.NextStepAt);
        Assert.Equal(status.AwaitedEvents, onDurable.WaitingFor);
    }
}
