using System.Text.Json;
using Collections.Activities;
using Collections.Calendar;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Handlers.Invoices;
using Collections.Invoices;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>The Functions app's workflow end to end on a real Durable Task worker and client (<see cref="InProcessDurableApp"/>),
/// driven through the app's <c>DurableInvoiceWorkflows</c> as the HTTP triggers drive it.</summary>
public sealed class InProcessTestHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Submit_CallTaskOutcomeThenPayment_CompletedPaid()
    {
        var (policy, today) = ChasingNow();
        await using var app = await InProcessDurableApp.StartAsync(policy);
        var invoice = await SubmitAsync(app, Invoice(today.AddDays(-30)));

        var task = await EventuallyAsync(async () => (await app.Store.ListOpenCallTasksAsync(null, CancellationToken.None)).SingleOrDefault(), "a call task");
        await app.WithClientAsync(workflows => workflows.CallOutcomeAsync(task, new CallOutcomeRequest("promise-to-pay", PromisedDate: today.AddDays(7)), CancellationToken.None));
        await EventuallyAsync(async () => await StageAsync(app, invoice) == "watch-promise" ? true : (bool?)null, "the promise watched");
        await app.WithClientAsync(workflows => workflows.PaymentReceivedAsync(Payment(invoice, "pay-1", invoice.Amount), 0, CancellationToken.None));

        Assert.Equal("paid", (await CompletedAsync(app, invoice)).Outcome);
        var log = await LogAsync(app, invoice);
        Assert.Equal([(Channel.Sms, "friendly")], log.Where(entry => entry.Kind == ContactKinds.Message).Select(entry => (entry.Channel, entry.Tone)));
        Assert.Single(app.Sender.Sent);
        Assert.Contains(log, entry => entry.Kind == ContactKinds.CallTask);
        Assert.Contains(log, entry => entry.Summary.StartsWith("Call outcome: promise-to-pay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_WhileWaitingForTheDueDate_CompletedCancelled()
    {
        await using var app = await InProcessDurableApp.StartAsync(new CollectionsPolicy());
        var invoice = await SubmitAsync(app, Invoice(DueInAMonth));
        await WaitForStageAsync(app, invoice, "wait-for-due-date");

        await app.WithClientAsync(workflows => workflows.CancelledAsync(invoice.Number, "credited in full", CancellationToken.None));

        Assert.Equal("cancelled", (await CompletedAsync(app, invoice)).Outcome);
    }

    [Fact]
    public async Task DisputeOpenedAndResolved_ChasingGoesOn_ThenPaid()
    {
        await using var app = await InProcessDurableApp.StartAsync(new CollectionsPolicy());
        var invoice = await SubmitAsync(app, Invoice(DueInAMonth));
        await WaitForStageAsync(app, invoice, "wait-for-due-date");

        await app.WithClientAsync(workflows => workflows.DisputeChangedAsync(invoice.Number, new DisputeChange(DisputeChange.Open, "wrong address"), CancellationToken.None));
        await EventuallyAsync(async () => (await LogAsync(app, invoice)).Any(entry => entry.Summary == "Dispute: wrong address. Chasing is paused until it is resolved.") ? true : (bool?)null, "the dispute's staff task");
        await app.WithClientAsync(workflows => workflows.DisputeChangedAsync(invoice.Number, new DisputeChange(DisputeChange.Resolve, "address corrected"), CancellationToken.None));
        await EventuallyAsync(async () => (await LogAsync(app, invoice)).Any(entry => entry.Summary.StartsWith("Dispute resolved (address corrected)", StringComparison.Ordinal)) ? true : (bool?)null, "the dispute resolved");
        await app.WithClientAsync(workflows => workflows.PaymentReceivedAsync(Payment(invoice, "pay-1", invoice.Amount), 0, CancellationToken.None));

        Assert.Equal("paid", (await CompletedAsync(app, invoice)).Outcome);
    }

    [Fact]
    public async Task PauseAndResume_ShowInTheCustomStatus()
    {
        await using var app = await InProcessDurableApp.StartAsync(new CollectionsPolicy());
        var invoice = await SubmitAsync(app, Invoice(DueInAMonth));
        await WaitForStageAsync(app, invoice, "wait-for-due-date");

        await app.WithClientAsync(workflows => workflows.PausedAsync(invoice.Number, "customer on holiday", CancellationToken.None));
        await EventuallyAsync(async () => await StatusPropertyAsync(app, invoice, "pausedSince") is not null ? true : (bool?)null, "chasing paused");
        await app.WithClientAsync(workflows => workflows.ResumedAsync(invoice.Number, CancellationToken.None));
        await EventuallyAsync(async () => await StatusPropertyAsync(app, invoice, "pausedSince") is null ? true : (bool?)null, "chasing resumed");
        await app.WithClientAsync(workflows => workflows.CancelledAsync(invoice.Number, null, CancellationToken.None));

        Assert.Equal("cancelled", (await CompletedAsync(app, invoice)).Outcome);
    }

    [Fact]
    public async Task Stage_WrittenToTheStore_AsTheCustomStatusShowsIt()
    {
        await using var app = await InProcessDurableApp.StartAsync(new CollectionsPolicy());
        var invoice = await SubmitAsync(app, Invoice(DueInAMonth));
        await WaitForStageAsync(app, invoice, "wait-for-due-date");

        var found = await EventuallyAsync(
            async () => (await app.Store.SearchInvoicesAsync(new InvoiceSearch(DateOnly.FromDateTime(DateTime.UtcNow), Stage: "wait-for-due-date"), CancellationToken.None)).Items
                is [var one] ? one.Invoice.Number : null,
            "the stage in the store");

        Assert.Equal(invoice.Number, found);
        Assert.Equal([new StageTotal("wait-for-due-date", 1, invoice.Amount)], await app.Store.OpenInvoicesByStageAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ContinueAsNew_CarriesTheStateIntoTheNextExecution()
    {
        await using var app = await InProcessDurableApp.StartAsync(new CollectionsPolicy { StepsBeforeContinueAsNew = 1 });
        var invoice = await SubmitAsync(app, Invoice(DueInAMonth));
        await WaitForStageAsync(app, invoice, "wait-for-due-date");

        var instance = await app.Client.GetInstanceAsync(InstanceId(invoice), getInputsAndOutputs: true);
        using (var input = JsonDocument.Parse(instance!.SerializedInput!))
        {
            Assert.Equal("nudge-before-due", input.RootElement.GetProperty("state").GetProperty("stage").GetString());
        }

        await app.WithClientAsync(workflows => workflows.PaymentReceivedAsync(Payment(invoice, "pay-1", 500m), 750m, CancellationToken.None));
        await EventuallyAsync(async () => (await LogAsync(app, invoice)).Any(entry => entry.Kind == "payment") ? true : (bool?)null, "the first payment");
        await app.WithClientAsync(workflows => workflows.PaymentReceivedAsync(Payment(invoice, "pay-2", 750m), 0, CancellationToken.None));

        Assert.Equal("paid", (await CompletedAsync(app, invoice)).Outcome);
        Assert.Equal(
            ["Payment pay-1 of €500.00 received; balance €750.00.", "Payment pay-2 of €750.00 received; balance €0.00."],
            (await LogAsync(app, invoice)).Where(entry => entry.Kind == "payment").Select(entry => entry.Summary));
        Assert.Single(await LogAsync(app, invoice), entry => entry.Kind == "completed");
    }

    private static DateOnly DueInAMonth => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    /// <summary>
    /// A policy under which the ladder reaches its first call at once on the wall clock: a fixed-offset time zone
    /// (Etc/GMT±N) in which it is now a weekday or Saturday between 09:00 and 17:00 and not a Dutch public holiday,
    /// contact windows 08:00–20:00 Monday to Saturday (Sunday is refused), the first call on the day of the reminder
    /// at 08:00 (the reminder's term ending that day, so the call need not wait for it). Around a Sunday or a holiday no zone has such a moment, and the test cannot run: it says so.
    /// </summary>
    private static (CollectionsPolicy Policy, DateOnly Today) ChasingNow()
    {
        var now = DateTime.UtcNow;
        var hours = Enumerable.Range(-12, 27).Cast<int?>().FirstOrDefault(offset => now.AddHours(offset!.Value) is var local
            && local.Hour is >= 9 and < 17 && local.DayOfWeek != DayOfWeek.Sunday && !DutchHolidays.Default.IsHoliday(DateOnly.FromDateTime(local)))
            ?? throw new InvalidOperationException($"No time zone has a contact moment at {now:O} (a Sunday or a holiday everywhere): run again later.");
        var zone = hours == 0 ? "Etc/GMT" : $"Etc/GMT{(hours > 0 ? "-" : "+")}{Math.Abs(hours)}";
        DayOfWeek[] contactDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];
        var policy = new CollectionsPolicy
        {
            TimeZone = zone,
            MessageWindow = new ContactWindowPolicy(contactDays, new TimeOnly(8, 0), new TimeOnly(20, 0)),
            CallWindow = new ContactWindowPolicy(contactDays, new TimeOnly(8, 0), new TimeOnly(20, 0)),
            MessageTimeOfDay = new TimeOnly(8, 0),
            Ladder = new LadderPolicy { FirstCallBusinessDaysAfterReminder = 0, ReminderTermDays = 0, DeadlineGraceDays = -1 },
            Calls = new CallPolicy { AttemptTimes = [new TimeOnly(8, 0)] },
        };
        return (policy, DateOnly.FromDateTime(now.AddHours(hours)));
    }

    private static Invoice Invoice(DateOnly dueDate)
    {
        var example = ShippedExamples.Load("cancelled.json").Invoice!;
        return example with { IssueDate = dueDate.AddDays(-30), DueDate = dueDate };
    }

    private static async Task<Invoice> SubmitAsync(InProcessDurableApp app, Invoice invoice)
    {
        await app.Store.AddInvoiceAsync(new InvoiceRecord(invoice, "hash", DateTimeOffset.UtcNow, "open", invoice.Amount), CancellationToken.None);
        await app.WithClientAsync(workflows => workflows.StartAsync(new InvoiceRecord(invoice, "hash", DateTimeOffset.UtcNow, "open", invoice.Amount), CancellationToken.None));
        return invoice;
    }

    private static PaymentRecord Payment(Invoice invoice, string id, decimal amount) =>
        new(id, invoice.Number, amount, invoice.Currency, DateTimeOffset.UtcNow, "test", DateTimeOffset.UtcNow);

    private static string InstanceId(Invoice invoice) => DurableInstanceId.From(InvoiceWorkflow.InstanceIdFor(invoice.Number));

    private static async Task<IReadOnlyList<ContactLogEntry>> LogAsync(InProcessDurableApp app, Invoice invoice) =>
        await app.Store.ListContactsOfDebtorAsync(invoice.Debtor.Id, CancellationToken.None);

    private static Task<string?> StageAsync(InProcessDurableApp app, Invoice invoice) => StatusPropertyAsync(app, invoice, "stage");

    private static async Task<string?> StatusPropertyAsync(InProcessDurableApp app, Invoice invoice, string name)
    {
        var instance = await app.Client.GetInstanceAsync(InstanceId(invoice), getInputsAndOutputs: true);
        if (instance?.SerializedCustomStatus is not { } status)
        {
            return null;
        }

        using var document = JsonDocument.Parse(status);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
    }

    private static Task WaitForStageAsync(InProcessDurableApp app, Invoice invoice, string stage) =>
        EventuallyAsync(async () => await StageAsync(app, invoice) == stage ? true : (bool?)null, "stage " + stage);

    private static async Task<WorkflowView> CompletedAsync(InProcessDurableApp app, Invoice invoice)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await app.Client.WaitForInstanceCompletionAsync(InstanceId(invoice), timeout.Token);
        return (await app.WithClientAsync(workflows => workflows.GetAsync(invoice.Number, CancellationToken.None)))!;
    }

    /// <summary>Polls until <paramref name="probe"/> gives a value, for at most <see cref="Patience"/>.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"No {what} within {Patience.TotalSeconds} s.");
    }
}
