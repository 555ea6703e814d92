using System.Globalization;
using System.Text.Json.Nodes;
using Collections.Calendar;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>Issue 12, item 3: every step waits until the previous message's stated deadline ("uiterlijk D") and the
/// policy's grace days have passed; a deadline on a weekend or holiday runs to the next business day first. Checked on
/// whole timelines, in Dutch and English, and on every shipped example.</summary>
public sealed class DeadlinesHoldTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");
    private static readonly int Grace = new CollectionsPolicy().Ladder.DeadlineGraceDays;

    /// <summary>Messages that chase (each states a new last day to pay) and the calls of the ladder.</summary>
    private static readonly string[] ChasingKinds = ["reminder", "promise-reminder", "instalment-reminder", "final-notice"];

    [Theory]
    [InlineData("nl", "uiterlijk")]
    [InlineData("en", "by")]
    public async Task FullLadder_NoMessageOrCallBeforeThePreviousMessagesDeadlinePlusGrace(string language, string word)
    {
        var lines = await Timelines.RunLinesAsync(Timelines.Single(language: language, events: $$"""
            [ {{Timelines.ThreeUnansweredCalls}},
              { "at": "2026-06-01T10:00:00+02:00", "type": "approval", "decision": "approve" } ]
            """));

        var messages = lines.Where(IsMessage).ToList();
        Assert.Equal(["reminder", "reminder", "reminder", "reminder", "final-notice", "hand-over-notice"], messages.Select(line => (string)line["kind"]!));
        foreach (var (previous, next) in messages.Zip(messages.Skip(1)))
        {
            Assert.True(Day(next) >= FirstDayAfter(Deadline(previous)), $"{next["kind"]} of {Day(next)} came before {Deadline(previous)} (+{Grace}) stated on {Day(previous)}");
        }

        foreach (var message in messages.Where(line => ChasingKinds.Contains((string)line["kind"]!)))
        {
            var deadline = Deadline(message);
            var stated = language == "nl"
                ? $"{word} {deadline.Day} {CultureInfo.GetCultureInfo("nl-NL").DateTimeFormat.GetMonthName(deadline.Month)} {deadline.Year}"
                : $"{word} {deadline.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(deadline.Month)} {deadline.Year}";
            Assert.Contains(stated, (string)message["text"]!, StringComparison.Ordinal);
        }

        AssertCallsWaitForTheDeadline(lines);
    }

    /// <summary>The rule in figures: the reminder of Wednesday 4 March states 11 March; with a grace day the first call
    /// is Friday 13 March (not Monday 9 March, three business days after the reminder, as before).</summary>
    [Fact]
    public async Task FirstCall_WaitsForTheReminderDeadlineAndAGraceDay()
    {
        var lines = await Timelines.RunLinesAsync(Timelines.Single(until: "2026-03-14T00:00:00+01:00"));

        var reminder = Assert.Single(lines, IsMessage);
        Assert.Equal(new DateOnly(2026, 3, 11), Deadline(reminder));
        var call = lines.First(line => (string?)line["type"] == "callTask");
        Assert.Equal("2026-03-13T10:00:00+01:00", (string?)call["at"]);
    }

    /// <summary>More grace, later steps: the same timeline under a policy with three grace days moves the first call
    /// to Monday 16 March (11 March + 3 days is Saturday 14 March, then the next business day).</summary>
    [Fact]
    public async Task GraceDaysFromThePolicy_MoveTheNextStep()
    {
        var policy = new CollectionsPolicy { Ladder = new LadderPolicy { DeadlineGraceDays = 3 } };

        var lines = await Timelines.RunLinesAsync(Timelines.Single(until: "2026-03-17T00:00:00+01:00"), policy);

        Assert.Equal("2026-03-16T10:00:00+01:00", (string?)lines.First(line => (string?)line["type"] == "callTask")["at"]);
    }

    /// <summary>No creep: a step comes at the later of its own timing and the deadline rule, never their sum. Here the
    /// businesslike reminder and the final notice each come on the very first day the rule allows after the
    /// previous message's deadline (and every reminder states exactly the policy's term).</summary>
    [Fact]
    public async Task Deadlines_DoNotCreep_StepsComeOnTheFirstDayTheRuleAllows()
    {
        var lines = await Timelines.RunLinesAsync(Timelines.Single(events: $"[{Timelines.ThreeUnansweredCalls}]"));

        var messages = lines.Where(IsMessage).ToList();
        Assert.All(messages.Where(line => (string?)line["kind"] == "reminder"), reminder => Assert.Equal(Day(reminder).AddDays(new CollectionsPolicy().Ladder.ReminderTermDays), Deadline(reminder)));
        foreach (var (previous, next) in messages.Zip(messages.Skip(1)).Where(pair => (string?)pair.Second["tone"] != "friendly" && (string?)pair.Second["channel"] == "sms" || (string?)pair.Second["kind"] == "final-notice"))
        {
            Assert.Equal(FirstDayAfter(Deadline(previous)), Day(next));
        }

        Assert.Contains(messages, line => (string?)line["kind"] == "final-notice");
    }

    [Theory]
    [MemberData(nameof(SimulateCommandTests.ShippedExamples), MemberType = typeof(SimulateCommandTests))]
    public async Task ShippedExample_NoChasingMessageOrCallBeforeThePreviousDeadlinePlusGrace(string file, string? result)
    {
        _ = result;
        await using var runner = new SimulationRunner(Scenario.Parse(await File.ReadAllTextAsync(Path.Combine(Examples, file))), new CollectionsPolicy());
        var lines = await runner.RunAsync();

        foreach (var invoice in lines.GroupBy(InvoiceOf))
        {
            var chasing = invoice.Where(line => IsMessage(line) && ChasingKinds.Contains((string)line["kind"]!)).ToList();
            foreach (var (previous, next) in chasing.Zip(chasing.Skip(1)))
            {
                // A message sent again the same day (after a delivery failure) is the same message, not the next step.
                if (Day(next) == Day(previous))
                {
                    continue;
                }

                Assert.True(Day(next) >= FirstDayAfter(Deadline(previous)), $"{file}: {next["kind"]} of {Day(next)} came before {Deadline(previous)} (+{Grace}) stated on {Day(previous)}");
            }

            AssertCallsWaitForTheDeadline([.. invoice]);
        }
    }

    /// <summary>A ladder call (its first attempt) comes only after the last message's deadline and grace.</summary>
    private static void AssertCallsWaitForTheDeadline(IReadOnlyList<JsonObject> lines)
    {
        JsonObject? lastMessage = null;
        foreach (var line in lines)
        {
            if (IsMessage(line) && line["deadline"] is not null && ChasingKinds.Contains((string)line["kind"]!))
            {
                lastMessage = line;
            }
            else if ((string?)line["type"] == "callTask" && line["attempt"]!.GetValue<int>() == 1 && (string?)line["script"] != "hardship" && lastMessage is not null)
            {
                Assert.True(Day(line) >= FirstDayAfter(Deadline(lastMessage)), $"{line["script"]} call of {Day(line)} came before {Deadline(lastMessage)} (+{Grace})");
            }
        }
    }

    private static DateOnly FirstDayAfter(DateOnly deadline) =>
        BusinessCalendar.Dutch.OnOrNextBusinessDay(BusinessCalendar.Dutch.OnOrNextBusinessDay(deadline).AddDays(1 + Grace));

    private static bool IsMessage(JsonObject line) => (string?)line["type"] == "message";

    private static string InvoiceOf(JsonObject line) =>
        line["invoiceNumbers"] is JsonArray numbers && numbers.Count > 0 ? (string)numbers[0]! : "";

    private static DateOnly Day(JsonObject line) => DateOnly.FromDateTime(DateTimeOffset.Parse((string)line["at"]!, CultureInfo.InvariantCulture).DateTime);

    private static DateOnly Deadline(JsonObject line) => DateOnly.ParseExact((string)line["deadline"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
