using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collections.Activities;
using Collections.Durable;
using Collections.Infrastructure.Storage;
using Collections.Invoices;
using Collections.Messaging;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Server.Workflows;
using Collections.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Benchmarks;

/// <summary>
/// Many invoices (email debtors) due on the same day, on the real workflow under virtual time with the default
/// sending budgets: how many reminders a day fit, the most sent in any minute and hour, how many moved to the next
/// day (with their deadline counted from that day), duplicates, and how long sending them all took (wall clock).
/// </summary>
internal static class SendingBudgetBenchmark
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    public static async Task<string> RunAsync(int instances)
    {
        using var database = new BenchmarkDatabase();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cet);
        var clock = new FakeTimeProvider(start);
        using var store = new SqliteCollectionsStore(database.Path + ".store");
        var sender = new RecordingMessageSender(clock);
        var options = InvoiceActivityOptions.Example;
        var policy = new CollectionsPolicy();
        await using var runtime = CollectionsRuntime.Create(database.Path, clock, store, sender, options);
        var driver = await VirtualTimeDriver.AttachAsync(runtime);
        var workflows = new InvoiceWorkflowClient(runtime.Client);

        var wall = Stopwatch.StartNew();
        for (var i = 0; i < instances; i++)
        {
            var invoice = new Invoice($"B-{i:D5}", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 100m, "EUR",
                new Debtor($"D-{i:D5}", $"Debtor {i}", DebtorKind.Consumer, $"d{i}@example.nl", null, Channel.Email, "nl"));
            await store.AddInvoiceAsync(new InvoiceRecord(invoice, invoice.Number, start, "open", invoice.Amount), CancellationToken.None);
            await workflows.StartAsync(invoice, policy);
        }

        // Bounded: the first reminder day and as many more as the email budget needs, plus one.
        var days = 2 + (instances / DayCapacity(options.SendingBudgets.Email, policy, 8));
        for (var day = 0; day <= days; day++)
        {
            await driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 4, 0, 0, 0, Cet).AddDays(day + 1), CancellationToken.None);
            Console.WriteLine($"day {day + 1}: {sender.Sent.Count} of {instances} sent after {wall.Elapsed.TotalSeconds:F0} s");
            if (sender.Sent.Count >= instances)
            {
                break;
            }
        }

        var elapsed = wall.Elapsed;
        var messages = new List<(DateTimeOffset At, string Deadline, string Debtor)>();
        for (var i = 0; i < instances; i++)
        {
            foreach (var entry in (await store.ListContactsOfDebtorAsync($"D-{i:D5}", CancellationToken.None)).Where(entry => entry.Kind == ContactKinds.Message))
            {
                var deadline = JsonDocument.Parse(entry.DataJson!).RootElement.GetProperty("deadline").GetString()!;
                messages.Add((entry.At.ToOffset(Cet), deadline, entry.DebtorId));
            }
        }

        var perDay = messages.GroupBy(message => DateOnly.FromDateTime(message.At.DateTime)).OrderBy(group => group.Key)
            .ToDictionary(group => group.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), group => group.Count());
        var deadlinesTruthful = messages.All(message => message.Deadline == DateOnly.FromDateTime(message.At.DateTime).AddDays(policy.Ladder.ReminderTermDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var outsideWindow = messages.Count(message => !policy.MessageWindow.Days.Contains(message.At.DayOfWeek)
            || TimeOnly.FromDateTime(message.At.DateTime) < policy.MessageWindow.From || TimeOnly.FromDateTime(message.At.DateTime) >= policy.MessageWindow.To);
        return JsonSerializer.Serialize(new
        {
            benchmark = "budget",
            instances,
            channel = "email",
            budgetPerMinute = options.SendingBudgets.Email.PerMinute,
            budgetPerHour = options.SendingBudgets.Email.PerHour,
            fitFirstDayFrom10 = DayCapacity(options.SendingBudgets.Email, policy, 10),
            fitFullDay = DayCapacity(options.SendingBudgets.Email, policy, 8),
            smsFitFullDay = DayCapacity(options.SendingBudgets.Sms, policy, 8),
            sent = messages.Count,
            // A debtor's later ladder steps (the written message instead of a call, days on) are not duplicates;
            // two messages to one debtor on one day would be (one voice per debtor).
            duplicates = messages.Count - messages.Select(message => (message.Debtor, DateOnly.FromDateTime(message.At.DateTime))).Distinct().Count(),
            sentByChannel = sender.Sent.Count,
            laterSteps = messages.Count - messages.Select(message => message.Debtor).Distinct().Count(),
            maxPerMinute = messages.GroupBy(message => message.At.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)).Max(group => group.Count()),
            maxPerHour = messages.GroupBy(message => message.At.ToString("yyyy-MM-ddTHH", CultureInfo.InvariantCulture)).Max(group => group.Count()),
            perDay,
            outsideWindow,
            deadlinesTruthful,
            turnsPerInvoice = Math.Round(Turns(database.Path) / (double)instances, 1),
            runtimeMegabytes = Math.Round(new FileInfo(database.Path).Length / 1e6 + (File.Exists(database.Path + "-wal") ? new FileInfo(database.Path + "-wal").Length / 1e6 : 0), 1),
            wallSeconds = Math.Round(elapsed.TotalSeconds, 1),
        });
    }

    /// <summary>Workflow turns taken in all: the runtime keeps one history row per turn.</summary>
    private static long Turns(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM history";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Messages the budget allows from <paramref name="fromHour"/> to the end of the message window.</summary>
    private static int DayCapacity(ChannelBudget budget, CollectionsPolicy policy, int fromHour)
    {
        var minutes = (int)(policy.MessageWindow.To.ToTimeSpan() - TimeSpan.FromHours(Math.Max(fromHour, policy.MessageWindow.From.Hour))).TotalMinutes;
        var byMinute = budget.PerMinute * minutes;
        return budget.PerHour is { } hourly ? Math.Min(byMinute, hourly * (minutes / 60)) : byMinute;
    }
}
