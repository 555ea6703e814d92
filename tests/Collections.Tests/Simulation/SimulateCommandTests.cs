using System.Globalization;
using System.Text.Json.Nodes;
using Collections.Calendar;
using Collections.Server.Simulation;

namespace Collections.Tests.Simulation;

/// <summary>The <c>simulate</c> command end to end, in-process, on every shipped example.</summary>
public sealed class SimulateCommandTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById(LocalTime.AmsterdamId);

    public static TheoryData<string, string?> ShippedExamples => new()
    {
        { "late-payer-full-ladder.json", "handed-over" },
        { "good-payer-paid-on-time.json", "paid" },
        { "partial-payment-promise-kept.json", "paid" },
        { "promise-broken.json", "paid" },
        { "payment-plan-kept.json", "paid" },
        { "payment-plan-missed.json", null },
        { "dispute-resolved-with-credit.json", "paid" },
        { "cancelled.json", "cancelled" },
        { "delivery-failed.json", "paid" },
        { "no-answer-then-written.json", "paid" },
        { "hardship-referral.json", null },
        { "business-rejected.json", "closed-by-staff" },
        { "due-on-kings-day.json", "paid" },
        { "two-invoices-one-voice.json", "paid" },
        { "outage-catch-up.json", "paid" },
        { "unusable-contact-data.json", null },
        { "payment-before-invoice.json", "paid" },
        { "paused-by-staff.json", "paid" },
        { "debtor-plan-on-own-page.json", "paid" },
        { "whatsapp-reply-then-paid.json", "paid" },
    };

    [Fact]
    public void Examples_EveryShippedFile_IsCoveredHere()
    {
        var shipped = Directory.GetFiles(Examples, "*.json").Select(path => Path.GetFileName(path)!).Order().ToList();

        Assert.Equal(ShippedExamples.Select(row => (string)row[0]).Order().ToList(), shipped);
    }

    [Theory]
    [MemberData(nameof(ShippedExamples))]
    public async Task Simulate_ShippedExample_PrintsATimelineInsideTheContactRules(string file, string? result)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SimulateCommand.RunAsync(["--scenario", Path.Combine(Examples, file)], output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.NotEmpty(lines);
        var times = lines.Select(line => DateTimeOffset.Parse(line["at"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(result, lines.LastOrDefault(line => line["type"]!.GetValue<string>() == "completed")?["result"]?.GetValue<string>());
        // Every event of an example lands where it is meant to (e.g. a call outcome on an open call task).
        Assert.DoesNotContain(lines, line => line["kind"]?.GetValue<string>() == "ignored");
        foreach (var line in lines)
        {
            var at = DateTimeOffset.Parse(line["at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            switch (line["type"]!.GetValue<string>())
            {
                case "message":
                    Assert.True(ContactWindow.Messages.IsAllowed(at), $"{file}: message outside the message window at {at}");
                    Assert.Equal(TimeZoneInfo.ConvertTime(at, Amsterdam).Offset, at.Offset);
                    var text = line["text"]!.GetValue<string>();
                    Assert.DoesNotMatch(@"(?i)(tweede|derde|laatste) herinnering|herinnering \d|reminder \d|second reminder|third reminder", text);
                    break;
                case "callTask":
                    Assert.True(ContactWindow.Calls.IsAllowed(at), $"{file}: call task outside the call window at {at}");
                    break;
            }
        }
    }

    [Fact]
    public async Task Simulate_SameScenarioTwice_SameOutput()
    {
        var scenario = Path.Combine(Examples, "two-invoices-one-voice.json");
        var first = new StringWriter();
        var second = new StringWriter();

        await SimulateCommand.RunAsync(["--scenario", scenario], first, TextWriter.Null);
        await SimulateCommand.RunAsync(["--scenario", scenario], second, TextWriter.Null);

        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public async Task Simulate_WithPolicyFile_UsesItsOffsets()
    {
        var policy = Path.GetTempFileName();
        await File.WriteAllTextAsync(policy, """{ "version": "test-2", "ladder": { "friendlyReminderBusinessDaysAfterDue": 2 } }""");
        var output = new StringWriter();
        try
        {
            var exit = await SimulateCommand.RunAsync(["--scenario", Path.Combine(Examples, "cancelled.json"), "--policy", policy], output, TextWriter.Null);

            Assert.Equal(0, exit);
            Assert.StartsWith("""{"at":"2026-03-05T10:00:00+01:00","type":"message""", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Theory]
    [InlineData("""{ "start": "2026-03-02T09:00:00+01:00", "until": "2026-04-01T00:00:00+02:00", "events": [] }""", "invoice (or invoices) is required")]
    [InlineData("""{ "start": "2026-03-02T09:00:00+01:00", "until": "2026-04-01T00:00:00+02:00", "invoice": { "number": "F1", "issueDate": "2026-02-01", "dueDate": "2026-03-03", "amount": -5, "currency": "EUR", "debtor": { "id": "C", "name": "N", "kind": "consumer", "preferredChannel": "sms", "language": "nl" } }, "events": [] }""", "invoice.amount must be positive")]
    [InlineData("""{ "start": "2026-03-02T09:00:00+01:00", "until": "2026-04-01T00:00:00+02:00", "invoice": { "number": "F1", "issueDate": "2026-02-01", "dueDate": "2026-03-03", "amount": 5, "currency": "EUR", "debtor": { "id": "C", "name": "N", "kind": "consumer", "preferredChannel": "sms", "language": "nl" } }, "events": [ { "at": "2026-03-05T10:00:00+01:00", "type": "callOutcome", "outcome": "promise-to-pay" } ] }""", "events[0] (callOutcome): promisedDate is required")]
    [InlineData("""{ "start": "2026-03-02T09:00:00+01:00", "invoice": { "number": "F1", "debtor": { "id": "C", "name": "N", "kind": "alien" } } }""", "scenario: not valid JSON at $.invoice.debtor.kind")]
    public async Task Simulate_BadScenario_NamesTheFieldOnStderr_Exit2(string scenarioJson, string expected)
    {
        var scenario = Path.GetTempFileName();
        await File.WriteAllTextAsync(scenario, scenarioJson);
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            var exit = await SimulateCommand.RunAsync(["--scenario", scenario], output, error);

            Assert.Equal(2, exit);
            Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
            Assert.Equal("", output.ToString());
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public async Task Simulate_MissingScenarioOption_Exit2WithUsage()
    {
        var error = new StringWriter();

        var exit = await SimulateCommand.RunAsync([], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("--scenario is required", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(SimulateCommand.Usage, error.ToString(), StringComparison.Ordinal);
    }
}
