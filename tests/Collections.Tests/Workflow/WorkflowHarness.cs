using Collections.Activities;
using Collections.Durable;
using Collections.Infrastructure.Storage;
using Collections.Invoices;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Server.Workflows;
using Collections.Storage;
using Collections.Tests.Simulation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Tests.Workflow;

/// <summary>The product's runtime in a temporary folder under virtual time, for tests that need more than a
/// scenario: several policies, or stopping and restarting the host on the same files.</summary>
internal sealed class WorkflowHarness : IAsyncDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("collections-workflow-");
    private readonly InvoiceActivityOptions options;
    private DurableRuntime runtime = null!;

    private WorkflowHarness(DateTimeOffset start, InvoiceActivityOptions options)
    {
        this.options = options;
        Clock = new FakeTimeProvider(start);
        Store = new SqliteCollectionsStore(Path.Combine(directory.FullName, "collections.db"));
        Sender = new RecordingMessageSender(Clock);
    }

    public FakeTimeProvider Clock { get; }

    public SqliteCollectionsStore Store { get; }

    public RecordingMessageSender Sender { get; }

    public VirtualTimeDriver Driver { get; private set; } = null!;

    public InvoiceWorkflowClient Workflows { get; private set; } = null!;

    public DurableClient Client => runtime.Client;

    public static async Task<WorkflowHarness> StartAsync(DateTimeOffset start, InvoiceActivityOptions? options = null)
    {
        var harness = new WorkflowHarness(start, options ?? InvoiceActivityOptions.Example);
        await harness.OpenAsync();
        return harness;
    }

    public async Task StartInvoiceAsync(Invoice invoice, CollectionsPolicy policy)
    {
        await Store.AddInvoiceAsync(new InvoiceRecord(invoice, invoice.Number, Clock.GetUtcNow(), "open", invoice.Amount), CancellationToken.None);
        await Workflows.StartAsync(invoice, policy);
    }

    /// <summary>Stops the host (nothing runs), lets the clock reach <paramref name="until"/>, and starts a new
    /// host on the same files, as after an outage.</summary>
    public async Task RestartAfterOutageAsync(DateTimeOffset until)
    {
        await runtime.DisposeAsync();
        Clock.SetUtcNow(until);
        await OpenAsync();
    }

    public async Task<IReadOnlyList<string>> TimelineAsync(string debtorId) =>
        [.. Timeline.From(await Store.ListContactsOfDebtorAsync(debtorId, CancellationToken.None), withInvoiceNumbers: false).Select(Timelines.Compact)];

    /// <summary>How many turns each instance has taken so far: the runtime keeps one history row per turn.</summary>
    public IReadOnlyDictionary<string, int> TurnsPerInstance()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory.FullName, "durable.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT instance_id, COUNT(*) FROM history GROUP BY instance_id";
        using var reader = command.ExecuteReader();
        var turns = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            turns[reader.GetString(0)] = reader.GetInt32(1);
        }

        return turns;
    }

    public async ValueTask DisposeAsync()
    {
        await runtime.DisposeAsync();
        Store.Dispose();
        directory.Delete(recursive: true);
    }

    public static Invoice Invoice(string number, string debtorId, string dueDate = "2026-03-03") => new(
        number,
        new DateOnly(2026, 2, 1),
        DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture),
        1250m,
        "EUR",
        new Debtor(debtorId, "Jan Jansen", DebtorKind.Consumer, "jan@example.nl", "+31612345678", Channel.Sms, "nl"));

    private async Task OpenAsync()
    {
        runtime = CollectionsRuntime.Create(Path.Combine(directory.FullName, "durable.db"), Clock, Store, Sender, options, maxConcurrentActivities: 1);
        Driver = await VirtualTimeDriver.AttachAsync(runtime);
        Workflows = new InvoiceWorkflowClient(runtime.Client);
    }
}
