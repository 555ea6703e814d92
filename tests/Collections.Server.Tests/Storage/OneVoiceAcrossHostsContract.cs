using Collections.Activities;
using Collections.Infrastructure.Channels.Outbox;
using Collections.Invoices;
using Collections.Messages;
using Collections.Messaging;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Server.Tests.Storage;

/// <summary>
/// One voice per debtor when several hosts share one store: each host has its own store client, its own
/// activities and its own outbox sender, as two Functions instances or two server processes would; they race
/// to contact one debtor about two invoices at the same moment.
/// </summary>
public abstract class OneVoiceAcrossHostsContract
{
    private const int Rounds = 5;
    private static readonly DateTimeOffset Morning = new(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A new client on the one shared store, as another host would open it.</summary>
    protected abstract ICollectionsStore OpenHost();

    [Fact]
    public async Task TwoHostsRemindingOneDebtorAtOnce_SendOneMessageADay()
    {
        var hosts = new[] { OpenHost(), OpenHost() };
        var activities = hosts.Select(Activities).ToArray();

        for (var round = 0; round < Rounds; round++)
        {
            var debtor = $"D-{round}";
            var invoices = new[] { await AddInvoiceAsync(hosts[0], $"F-{round}-A", debtor), await AddInvoiceAsync(hosts[0], $"F-{round}-B", debtor) };

            var outcomes = await Task.WhenAll(invoices.Select((invoice, host) =>
                Task.Run(() => activities[host].SendMessage(Reminder(invoice)))));

            Assert.Single(outcomes, outcome => outcome.Outcome == SendOutcome.Sent);
            var messages = (await hosts[1].ListContactsOfDebtorAsync(debtor, CancellationToken.None)).Where(entry => entry.Kind == ContactKinds.Message).ToList();
            Assert.Single(messages);
        }

        var outbox = await hosts[0].ListOutboxAsync(1, 100, CancellationToken.None);
        Assert.Equal(Rounds, outbox.TotalCount);
    }

    [Fact]
    public async Task TwoHostsRaisingCallTasksForOneDebtorAtOnce_OpenOneTask()
    {
        var hosts = new[] { OpenHost(), OpenHost() };
        var activities = hosts.Select(Activities).ToArray();

        for (var round = 0; round < Rounds; round++)
        {
            var debtor = $"D-call-{round}";
            var invoices = new[] { await AddInvoiceAsync(hosts[0], $"F-call-{round}-A", debtor), await AddInvoiceAsync(hosts[0], $"F-call-{round}-B", debtor) };

            var taskIds = await Task.WhenAll(invoices.Select((invoice, host) =>
                Task.Run(() => activities[host].RaiseCallTask(Call(invoice)))));

            Assert.Equal(taskIds[0], taskIds[1]);
            var tasks = await hosts[1].ListCallTasksOfDebtorAsync(debtor, CancellationToken.None);
            var task = Assert.Single(tasks);
            Assert.Equal(invoices.Select(invoice => invoice.Number).Order(), task.InvoiceNumbers.Order());
        }
    }

    private static InvoiceActivities Activities(ICollectionsStore store) =>
        new(store, new OutboxMessageSender(store, TimeProvider.System, NullLogger<OutboxMessageSender>.Instance), InvoiceActivityOptions.Example);

    private static async Task<Invoice> AddInvoiceAsync(ICollectionsStore store, string number, string debtorId)
    {
        var invoice = new Invoice(number, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 310m, "EUR",
            new Debtor(debtorId, "Jan Jansen", DebtorKind.Consumer, "jan@example.nl", "+31612345678", Channel.Sms, "nl"));
        await store.AddInvoiceAsync(new InvoiceRecord(invoice, "hash", Morning.AddDays(-30), "open", invoice.Amount), CancellationToken.None);
        return invoice;
    }

    private static SendMessageInput Reminder(Invoice invoice) =>
        new(invoice.Number + ":reminder", Morning, InvoiceWorkflow.InstanceIdFor(invoice.Number), invoice,
            new MessageRequest(MessageKind.Reminder, Tone.Friendly), Channel.Sms, invoice.Amount, 0m, CostsCharged: false,
            EarlierContacts: [], PolicyVersion: "test", ReminderTermDays: 7, AddVatToCosts: false, TreatAsConsumer: true);

    private static CallTaskInput Call(Invoice invoice) =>
        new(invoice.Number + ":call", Morning, InvoiceWorkflow.InstanceIdFor(invoice.Number), invoice, CallScript.FirstContact, 1,
            Morning.AddHours(7), invoice.Amount, [], null);
}

/// <summary>Two hosts on one SQLite file.</summary>
public sealed class OneVoiceAcrossHostsOnSqliteTests : OneVoiceAcrossHostsContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("collections-voice-").FullName;

    protected override ICollectionsStore OpenHost() => new Infrastructure.Storage.SqliteCollectionsStore(Path.Combine(_folder, "collections.db"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Two hosts on one Azure Tables account (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OneVoiceAcrossHostsOnTablesTests(AzuriteFixture azurite) : OneVoiceAcrossHostsContract
{
    private readonly string _prefix = "v" + Guid.NewGuid().ToString("N")[..12];

    protected override ICollectionsStore OpenHost() =>
        new Infrastructure.Storage.TableCollectionsStore(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString), _prefix);
}
