using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collections.Activities;
using Collections.Infrastructure.Storage;
using Collections.Invoices;
using Collections.Messages;
using Collections.Messaging;
using Collections.Server.Simulation;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Benchmarks;

/// <summary>
/// The morning many reminders fall due at once, over a large book: a SQLite store holding <c>book</c> invoices (one
/// debtor each) with ten earlier contact-log entries per invoice, written straight into the file; then 10,000 first
/// reminders by email, all due at the same moment, through the real send activity (budget check, the debtor's turn,
/// the debtor's contact log and other invoices, rendering, the sender, the contact-log entry) with 16 at a time.
/// Run once with a tenth of the book and once with the whole book: messages handed to the sender per second and the
/// cost per message in each, and their ratio (a store query that grows with the book shows as a ratio above 1).
/// </summary>
internal static class ReminderDayBenchmark
{
    private const int Reminders = 10_000;
    private const int ContactsPerInvoice = 10;
    private const int Concurrency = 16;
    private const int WarmUp = 1_000;
    private static readonly DateTimeOffset Morning = new(2026, 3, 16, 9, 0, 0, TimeSpan.FromHours(1));

    public static async Task<string> RunAsync(int book)
    {
        var small = await RunDayAsync(Math.Max(Reminders, book / 10));
        var large = await RunDayAsync(book);
        return JsonSerializer.Serialize(new
        {
            benchmark = "reminder-day",
            reminders = Reminders,
            concurrency = Concurrency,
            small,
            large,
            costRatio = Math.Round(large.MsPerMessage / small.MsPerMessage, 2),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    private static async Task<DayFigures> RunDayAsync(int invoices)
    {
        using var database = new BenchmarkDatabase();
        var path = database.Path + ".store";
        using var store = new SqliteCollectionsStore(path);
        var seeding = Stopwatch.StartNew();
        await BookSeeder.SeedAsync(store, path, invoices, ContactsPerInvoice, Morning);
        var seeded = seeding.Elapsed.TotalSeconds;
        Console.WriteLine($"{invoices} invoices and {invoices * ContactsPerInvoice} contact-log rows written in {seeded:F1} s ({new FileInfo(path).Length / 1024 / 1024} MB)");

        var sender = new RecordingMessageSender(TimeProvider.System);
        var budgets = new SendingBudgets { Email = new ChannelBudget { PerMinute = 1_000_000 } };
        var activities = new InvoiceActivities(store, sender, InvoiceActivityOptions.Example with { SendingBudgets = budgets });

        // Not measured: JIT and the store's first pages, a day earlier so the measured reminders are the debtors' first of their day.
        var step = invoices / Reminders;
        await SendAsync(activities, WarmUp, step, Morning.AddDays(-1), "warm-up");
        var outcomes = new SendOutcome[Reminders];
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Reminders, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
            outcomes[i] = await SendOneAsync(activities, BookSeeder.Invoice(i * step), Morning, "reminder-1"));
        var elapsed = clock.Elapsed.TotalSeconds;
        var sent = outcomes.Count(outcome => outcome == SendOutcome.Sent);
        var handed = sender.Sent.Count - WarmUp;
        Console.WriteLine($"{sent} of {Reminders} reminders sent over a book of {invoices} in {elapsed:F2} s");
        return new DayFigures(invoices, invoices * ContactsPerInvoice, Math.Round(seeded, 1), sent, handed,
            Math.Round(sent / elapsed, 1), Math.Round(elapsed * 1000 / Math.Max(sent, 1), 3));
    }

    private static Task SendAsync(InvoiceActivities activities, int count, int step, DateTimeOffset at, string key) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
            await SendOneAsync(activities, BookSeeder.Invoice(i * step), at, key));

    /// <summary>A friendly first reminder by email, as the workflow asks for it (every tenth invoice of the book is due today).</summary>
    private static async Task<SendOutcome> SendOneAsync(InvoiceActivities activities, Invoice invoice, DateTimeOffset at, string key)
    {
        var instanceId = InvoiceWorkflow.InstanceIdFor(invoice.Number);
        var result = await activities.SendMessage(new SendMessageInput(
            $"{instanceId}:{key}", at, instanceId, invoice, new MessageRequest(MessageKind.Reminder, Tone.Friendly), Channel.Email,
            invoice.Amount, 0m, false, [], "benchmark", 14, false, false));
        return result.Outcome;
    }

    private sealed record DayFigures(int Invoices, int ContactLogRows, double SeedSeconds, int Sent, int HandedToSender, double MessagesPerSecond, double MsPerMessage);
}
