using System.Text.Json.Nodes;
using Collections.Policy;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>Issue 12: messages state only the contact that happened, a call task is human work (never a timer
/// that counts as "no answer"), and the final notice comes only after the previous deadline.
/// Invoice F2026-0042 (€1,250, consumer, SMS preferred) is due Tuesday 2026-03-03.</summary>
public sealed class InvoiceWorkflowHumanLoopTests
{
    private static readonly string[] ContactWords = ["telefonisch", "gebeld", "by phone", "we called you"];

    [Theory]
    [InlineData("nl", "Op 4 maart 2026 stuurden wij u een sms over deze factuur. Wij hebben u op 13 maart 2026, 16 maart 2026 en 17 maart 2026 geprobeerd te bellen.")]
    [InlineData("en", "On 4 March 2026 we sent you a text message about this invoice. We tried to call you on 13 March 2026, 16 March 2026 and 17 March 2026.")]
    public async Task ThreeNoAnswers_WrittenReminder_StatesTheAttemptsAsAttemptsNotAsContact(string language, string sentence)
    {
        var lines = await Timelines.RunLinesAsync(Timelines.Single(language: language, until: "2026-03-18T00:00:00+01:00", events: $"[{Timelines.ThreeUnansweredCalls}]"));

        var written = Assert.Single(Messages(lines), line => (string?)line["channel"] == "email");
        Assert.Equal("2026-03-17T12:00:00+01:00", (string?)written["at"]);
        var text = (string)written["text"]!;
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ContactWords, word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CallAnswered_PromiseBroken_ReminderSaysWeCalled()
    {
        var lines = await Timelines.RunLinesAsync(Timelines.Single(channel: "email", until: "2026-03-25T00:00:00+01:00", events: """
            [ { "at": "2026-03-13T10:30:00+01:00", "type": "callOutcome", "outcome": "promise-to-pay", "promisedDate": "2026-03-18" } ]
            """));

        var reminder = Assert.Single(Messages(lines), line => (string?)line["kind"] == "promise-reminder");
        Assert.Contains("op 4 maart 2026 per e-mail en op 13 maart 2026 telefonisch", (string)reminder["text"]!, StringComparison.Ordinal);
    }

    /// <summary>Nobody works any call task: staff and then the supervisor are told, the ladder goes on in writing,
    /// no message ever mentions a call, and the consumer final notice waits for a real call attempt.</summary>
    [Fact]
    public async Task CallTasksNeverWorked_NoCallClaimed_StaffEscalated_FinalNoticeWaitsForACall()
    {
        var lines = await Timelines.RunLinesAsync(Timelines.Single(until: "2026-05-01T00:00:00+02:00"));
        var timeline = lines.Select(Timelines.Compact).ToList();

        Assert.DoesNotContain(Messages(lines), line => (string?)line["kind"] == "final-notice");
        Assert.DoesNotContain(lines, line => (string?)line["type"] == "approvalRequested");
        Assert.All(Messages(lines), line => Assert.DoesNotContain(ContactWords, word => ((string)line["text"]!).Contains(word, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("2026-03-13T17:00+01:00 staffTask The first-contact call task raised 2026-03-13 has no outcome yet: it stays on the call list as overdue, to be called on 2026-03-16. No call is recorded until staff record one.", timeline);
        Assert.Contains("2026-03-16T17:00+01:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the first-contact call task raised 2026-03-13 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.", timeline);
        Assert.Contains(timeline, line => line.EndsWith("staffTask No call attempt recorded yet: the final notice waits until a call is made and its outcome recorded.", StringComparison.Ordinal));
        Assert.Contains(timeline, line => line.Contains("was not worked; it stays on the call list; the next step waits until a call is made and recorded.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoUsablePhone_NoFinalNotice_StaffDecide()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(phone: "", channel: "email", until: "2026-05-01T00:00:00+02:00"));

        Assert.DoesNotContain(timeline, line => line.Contains("final-notice", StringComparison.Ordinal));
        Assert.Contains(timeline, line => line.EndsWith("staffTask No call attempt recorded and no usable phone number: the final notice is not sent. Find a number, or decide how to continue.", StringComparison.Ordinal));
    }

    /// <summary>Each message's deadline has passed (plus the grace day) before the final notice is sent.</summary>
    [Fact]
    public async Task FinalNotice_ComesAfterTheLastReminderDeadlinePlusGrace()
    {
        var messages = Messages(await Timelines.RunLinesAsync(Timelines.Single(until: "2026-05-01T00:00:00+02:00", events: $"[{Timelines.ThreeUnansweredCalls}]")));

        var notice = Assert.Single(messages, line => (string?)line["kind"] == "final-notice");
        var before = messages.TakeWhile(line => line != notice).Last();
        Assert.Equal("2026-04-15", (string?)before["deadline"]);
        Assert.Equal("2026-04-17T10:00:00+02:00", (string?)notice["at"]);
    }

    [Theory]
    [InlineData("nl", "uiterlijk 11 maart 2026")]
    [InlineData("en", "by 11 March 2026")]
    public async Task FriendlyReminder_StatesItsDeadlineAsTheLastDay(string language, string words)
    {
        var messages = Messages(await Timelines.RunLinesAsync(Timelines.Single(language: language, channel: "email", until: "2026-03-05T00:00:00+01:00")));

        var reminder = Assert.Single(messages);
        Assert.Equal("2026-03-11", (string?)reminder["deadline"]);
        Assert.Contains(words, (string)reminder["text"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("vóór", (string)reminder["text"]!, StringComparison.Ordinal);
    }

    /// <summary>A policy pinned before validation refused margin 0: the workflow raises a staff task and waits.</summary>
    [Fact]
    public async Task MarginZeroPolicy_FinalNoticeNotSent_StaffTaskInsteadOfAFailedWorkflow()
    {
        var policy = new CollectionsPolicy { FinalNotice = new FinalNoticePolicy { DeadlineMarginDays = 0 } };

        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-05-01T00:00:00+02:00", events: $"[{Timelines.ThreeUnansweredCalls}]"), policy);

        Assert.Equal(
            "2026-04-17T10:00+02:00 staffTask Final notice not sent: with finalNotice.deadlineMarginDays 0 (policy nl-default-1) its last day 2026-05-01 is less than 15 days after today. Fix the policy (and migrate this invoice) or decide how to continue.",
            timeline[^1]);
    }

    /// <summary>A business debtor with a contact person: the greeting addresses the person, the company stays in
    /// the address block.</summary>
    [Theory]
    [InlineData("nl", "Beste Petra de Vries,", "Uw gegevens bij ons: Van Dijk Installaties B.V., t.a.v. Petra de Vries")]
    [InlineData("en", "Dear Petra de Vries,", "Van Dijk Installaties B.V.")]
    public async Task BusinessWithContactName_ReminderGreetsThePerson(string language, string greeting, string addressBlock)
    {
        var scenario = Timelines.Single(kind: "business", channel: "email", language: language, until: "2026-03-05T00:00:00+01:00")
            .Replace("\"name\": \"Jan Jansen\"", "\"name\": \"Van Dijk Installaties B.V.\", \"contactName\": \"Petra de Vries\"", StringComparison.Ordinal);

        var reminder = Assert.Single(Messages(await Timelines.RunLinesAsync(scenario)));

        var text = (string)reminder["text"]!;
        Assert.Contains("\n\n" + greeting + "\n", text, StringComparison.Ordinal);
        Assert.Contains(addressBlock, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beste Van Dijk", text, StringComparison.Ordinal);
    }

    private static List<JsonObject> Messages(IReadOnlyList<JsonObject> lines) =>
        [.. lines.Where(line => (string?)line["type"] == "message")];
}
