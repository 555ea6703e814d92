using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Activities;
using Collections.Handlers.Deliveries;
using Collections.Infrastructure.Storage;
using Collections.Invoices;
using Collections.Json;
using Collections.Messaging;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Simulation;

/// <summary>Runs a scenario on the real workflow under virtual time (on the embedded runtime unless another
/// engine is given), with a temporary store, playing the accounting system, the payment provider and staff as
/// the scenario says.</summary>
public sealed class SimulationRunner : IAsyncDisposable
{
    private readonly Scenario scenario;
    private readonly DirectoryInfo directory;
    private readonly List<(DateTimeOffset At, JsonObject Line)> notes = [];
    private readonly Func<SimulationSetup, CancellationToken, Task<ISimulationEngine>> createEngine;
    private readonly InvoiceActivityOptions options;
    private ISimulationEngine? engine;

    /// <param name="options">Who we are and where messages point; <see cref="InvoiceActivityOptions.Example"/> when absent.</param>
    /// <param name="engine">The engine the workflows run on; <see cref="EmbeddedSimulationEngine"/> when absent.</param>
    public SimulationRunner(
        Scenario scenario,
        CollectionsPolicy policy,
        InvoiceActivityOptions? options = null,
        Func<SimulationSetup, CancellationToken, Task<ISimulationEngine>>? engine = null)
    {
        this.options = options ?? InvoiceActivityOptions.Example;
        createEngine = engine ?? EmbeddedSimulationEngine.CreateAsync;
        ArgumentNullException.ThrowIfNull(scenario);
        this.scenario = scenario;
        Policy = policy;
        directory = Directory.CreateTempSubdirectory("collections-simulate-");
        Clock = new FakeTimeProvider(scenario.Start);
        Sender = new RecordingMessageSender(Clock);
    }

    public CollectionsPolicy Policy { get; }

    public FakeTimeProvider Clock { get; }

    public SqliteCollectionsStore Store { get; private set; } = null!;

    public RecordingMessageSender Sender { get; }

    /// <summary>Runs the scenario to its <c>until</c> and returns the timeline, in time order.</summary>
    public async Task<IReadOnlyList<JsonObject>> RunAsync(CancellationToken cancellationToken = default)
    {
        Store = new SqliteCollectionsStore(Path.Combine(directory.FullName, "collections.db"));
        engine = await createEngine(new SimulationSetup(Clock, Store, Sender, options, directory.FullName), cancellationToken);
        var invoices = scenario.AllInvoices;

        // Payments dated before the start arrived before their invoice: recorded only, as a payment
        // provider's webhook would be; the workflow finds them when it starts.
        var early = scenario.Events.Where(happening => happening.Type == "payment" && happening.At <= scenario.Start).ToList();
        foreach (var payment in early)
        {
            var number = payment.InvoiceNumber ?? invoices[0].Number;
            await Store.AddPaymentAsync(new PaymentRecord(payment.PaymentId ?? "early-" + payment.At.ToUnixTimeSeconds(), number, payment.Amount!.Value, "EUR", payment.At, "simulation", payment.At), cancellationToken);
        }

        foreach (var invoice in invoices)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(invoice, CollectionsJson.Options);
            var paidEarly = early.Where(payment => (payment.InvoiceNumber ?? invoices[0].Number) == invoice.Number).Sum(payment => payment.Amount!.Value);
            await Store.AddInvoiceAsync(new InvoiceRecord(invoice, Convert.ToHexStringLower(SHA256.HashData(body)), scenario.Start, "open", Math.Max(0, invoice.Amount - paidEarly)), cancellationToken);
            await engine.StartAsync(invoice, Policy, cancellationToken);
        }

        var index = 0;
        foreach (var happening in scenario.Events.Except(early).OrderBy(happening => happening.At))
        {
            await engine.AdvanceToAsync(happening.At, cancellationToken);
            await ApplyAsync(happening, index++, engine, cancellationToken);
        }

        await engine.AdvanceToAsync(scenario.Until, cancellationToken);
        foreach (var invoice in invoices)
        {
            if (await engine.FailureOfAsync(invoice.Number, cancellationToken) is { } failure)
            {
                throw new InvalidOperationException($"The workflow of invoice {invoice.Number} failed: {failure}");
            }
        }

        var debtorId = invoices[0].Debtor.Id;
        var timeline = Timeline.From(await Store.ListContactsOfDebtorAsync(debtorId, cancellationToken), invoices.Count > 1)
            .Select(line => (At: DateTimeOffset.Parse(line["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Line: line));
        return [.. timeline.Concat(notes).OrderBy(pair => pair.At).Select(pair => pair.Line)];
    }

    public async ValueTask DisposeAsync()
    {
        if (engine is not null)
        {
            await engine.DisposeAsync();
        }

        Store.Dispose();
        directory.Delete(recursive: true);
    }

    private async Task ApplyAsync(ScenarioEvent happening, int index, ISimulationEngine workflows, CancellationToken cancellationToken)
    {
        var invoices = scenario.AllInvoices;
        var number = happening.InvoiceNumber ?? invoices[0].Number;
        switch (happening.Type)
        {
            case "payment":
                var paymentId = happening.PaymentId ?? $"sim-payment-{index + 1}";
                var currency = invoices.First(invoice => invoice.Number == number).Currency;
                await Store.AddPaymentAsync(new PaymentRecord(paymentId, number, happening.Amount!.Value, currency, happening.At, "simulation", happening.At), cancellationToken);
                await UpdateOpenBalanceAsync(number, happening.Amount.Value, cancellationToken);
                await workflows.RaiseAsync(number, new PaymentReceived(paymentId, happening.Amount.Value, happening.At) { EventId = $"payment:{paymentId}" }, paymentId, cancellationToken);
                break;
            case "callOutcome":
                await RecordCallOutcomeAsync(happening, workflows, cancellationToken);
                break;
            case "dispute" when happening.Action == "open":
                await LogAsync(number, happening.At, ContactKinds.DisputeOpened, happening.Reason ?? "dispute reported", index, cancellationToken);
                await RaiseAsync(workflows, number, new DisputeOpened(happening.Reason ?? "dispute reported"), index, cancellationToken);
                break;
            case "dispute":
                await LogAsync(number, happening.At, ContactKinds.DisputeResolved, $"dispute resolved, credit {happening.CreditAmount ?? 0:0.00}", index, cancellationToken);
                await RaiseAsync(workflows, number, new DisputeResolved(happening.CreditAmount ?? 0, happening.Reason), index, cancellationToken);
                break;
            case "approval":
                await DecideApprovalAsync(happening, workflows, cancellationToken);
                break;
            case "invoiceAmended":
                var current = invoices.First(invoice => invoice.Number == number);
                await RaiseAsync(workflows, number, new InvoiceAmended(happening.Amount ?? current.Amount, happening.DueDate ?? current.DueDate), index, cancellationToken);
                break;
            case "invoiceCancelled":
                await RaiseAsync(workflows, number, new InvoiceCancelled(happening.Reason), index, cancellationToken);
                break;
            case "invoiceCredited":
                await RaiseAsync(workflows, number, new InvoiceCredited(happening.Amount!.Value, happening.Reason), index, cancellationToken);
                break;
            case "contactUpdated":
                await RaiseAsync(workflows, number, new ContactDetailsUpdated(happening.Email, happening.Phone, happening.Channel), index, cancellationToken);
                break;
            case "deliveryFailed":
                await RaiseAsync(workflows, number, new DeliveryFailed(happening.Channel!.Value, happening.Reason), index, cancellationToken);
                break;
            case "debtorWrote":
                // As an inbound WhatsApp message arrives through Event Grid (the scenario's debtor writes from their number).
                var phone = invoices.First(invoice => invoice.Number == number).Debtor.Phone ?? string.Empty;
                await new InboundMessageHandler(Store, Clock).HandleAsync(
                    [new InboundMessage($"sim-inbound-{index + 1}", Channel.WhatsApp, phone, happening.Text!, happening.At)], cancellationToken);
                break;
            case "closedByStaff":
                await RaiseAsync(workflows, number, new InvoiceClosedByStaff(happening.Reason ?? "closed by staff"), index, cancellationToken);
                break;
            case "pause":
                await LogAsync(number, happening.At, ContactKinds.ChasingPaused, happening.Reason ?? "chasing paused", index, cancellationToken);
                await RaiseAsync(workflows, number, new ChasingPaused(happening.Reason), index, cancellationToken);
                break;
            case "resume":
                await LogAsync(number, happening.At, ContactKinds.ChasingResumed, "chasing resumed", index, cancellationToken);
                await RaiseAsync(workflows, number, new ChasingResumed(), index, cancellationToken);
                break;
            case "planAgreed":
                await RaiseAsync(workflows, number, new PaymentPlanAgreed(happening.Instalments!), index, cancellationToken);
                break;
            case "outage":
                // The host is down: nothing runs while the clock moves on; on restart due timers fire at once.
                Note(happening.At, "outage", $"Host down until {Timeline.Format(happening.Until!.Value)}.");
                Clock.SetUtcNow(happening.Until!.Value);
                break;
        }
    }

    private async Task RecordCallOutcomeAsync(ScenarioEvent happening, ISimulationEngine workflows, CancellationToken cancellationToken)
    {
        var debtorId = scenario.AllInvoices[0].Debtor.Id;
        var open = (await Store.ListOpenCallTasksAsync(null, cancellationToken))
            .Where(task => task.DebtorId == debtorId && (happening.InvoiceNumber is null || task.InvoiceNumbers.Contains(happening.InvoiceNumber)))
            .ToList();
        if (open.Count == 0)
        {
            Note(happening.At, "ignored", $"callOutcome {JsonNamingPolicy.KebabCaseLower.ConvertName(happening.Outcome.ToString()!)} ignored: no call task is open.");
            return;
        }

        var outcome = new CallOutcome(happening.Outcome!.Value, happening.PromisedDate, happening.Instalments, happening.Reason, happening.CallbackAt);
        foreach (var task in open)
        {
            await Store.UpdateCallTaskAsync(task with { Status = CallTaskStatus.Done, Outcome = JsonSerializer.Serialize(outcome, CollectionsJson.Options) }, cancellationToken);
            foreach (var invoiceNumber in task.InvoiceNumbers)
            {
                await workflows.RaiseAsync(invoiceNumber, new CallOutcomeRecorded(task.Id, outcome) { EventId = $"call-outcome:{task.Id}" }, $"call-outcome:{task.Id}", cancellationToken);
            }
        }
    }

    private async Task DecideApprovalAsync(ScenarioEvent happening, ISimulationEngine workflows, CancellationToken cancellationToken)
    {
        var numbers = scenario.AllInvoices.Select(invoice => invoice.Number).ToHashSet();
        var pending = (await Store.ListPendingApprovalsAsync(cancellationToken))
            .Where(approval => numbers.Contains(approval.InvoiceNumber) && (happening.InvoiceNumber is null || approval.InvoiceNumber == happening.InvoiceNumber))
            .ToList();
        if (pending.Count == 0)
        {
            Note(happening.At, "ignored", "approval ignored: no approval is pending.");
            return;
        }

        foreach (var approval in pending)
        {
            var decision = happening.Decision!.Value;
            await Store.UpdateApprovalAsync(approval with { Decision = JsonNamingPolicy.KebabCaseLower.ConvertName(decision.ToString()), DecidedAt = happening.At, DecidedBy = "simulation" }, cancellationToken);
            await workflows.RaiseAsync(approval.InvoiceNumber, new ApprovalDecided(approval.Id, decision, "simulation") { EventId = $"approval:{approval.Id}" }, $"approval:{approval.Id}", cancellationToken);
        }
    }

    /// <summary>Every event carries an id naming its occurrence, as the hosts' events do (<c>InvoiceEventMapping</c>),
    /// so an engine that delivers it twice reaches the workflow once.</summary>
    private static Task RaiseAsync(ISimulationEngine workflows, string number, InvoiceEvent invoiceEvent, int index, CancellationToken cancellationToken)
    {
        var occurrence = $"sim-event-{index + 1}";
        return workflows.RaiseAsync(number, invoiceEvent with { EventId = occurrence }, occurrence, cancellationToken);
    }

    private async Task UpdateOpenBalanceAsync(string number, decimal paid, CancellationToken cancellationToken)
    {
        var record = await Store.GetInvoiceAsync(number, cancellationToken);
        if (record is not null)
        {
            await Store.UpdateInvoiceAsync(record with { OpenBalance = Math.Max(0, record.OpenBalance - paid) }, cancellationToken);
        }
    }

    private async Task LogAsync(string number, DateTimeOffset at, string kind, string summary, int index, CancellationToken cancellationToken) =>
        await Store.AppendContactAsync(new ContactLogEntry($"event:{index:D4}", number, scenario.AllInvoices[0].Debtor.Id, at, kind, summary), cancellationToken);

    private void Note(DateTimeOffset at, string kind, string text) =>
        notes.Add((at, new JsonObject { ["at"] = Timeline.Format(at), ["type"] = "note", ["kind"] = kind, ["text"] = text }));
}
