using System.Text.Json.Nodes;
using Collections.Policy;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>WhatsApp as the preferred channel: approved templates outside the 24-hour window, SMS without an opt-in or a
/// template, fallback after a failed delivery, and what the debtor writes back. Invoice F2026-0042 (€1,250, consumer) is due
/// 2026-03-03; debtor C-17 opted in to WhatsApp on the invoice unless a test says otherwise.</summary>
public sealed class InvoiceWorkflowWhatsAppTests
{
    private const string OptIn = """{ "at": "2026-01-10T09:30:00+01:00", "source": "accounting-system" }""";

    [Fact]
    public async Task PreferredWhatsApp_LadderRunsOnApprovedTemplates_InContactHours()
    {
        var lines = await Timelines.RunLinesAsync(Scenario(until: "2026-03-27T00:00:00+01:00", events: $"[{Timelines.ThreeUnansweredCalls}]"));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message whatsapp friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-16T14:30+01:00 callTask first-contact attempt=2 dueBy=2026-03-16T17:00+01:00",
            "2026-03-16T15:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T11:30+01:00 callTask first-contact attempt=3 dueBy=2026-03-17T17:00+01:00",
            "2026-03-17T12:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T12:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-26T10:00+01:00 message whatsapp businesslike reminder balance=1250.00 costs=0 interest=0",
        ], lines.Select(Timelines.Compact));
        var messages = lines.Where(line => (string?)line["channel"] == "whatsapp").Select(line => (string)line["text"]!).ToList();
        Assert.Equal(
            "Beste Jan Jansen, volgens onze administratie staat voor factuur F2026-0042 nog € 1.250,00 open. Misschien is het u ontgaan; wilt u het uiterlijk 11 maart 2026 betalen?",
            messages[0][..messages[0].IndexOf(" Dat kan via", StringComparison.Ordinal)]);
        Assert.StartsWith("Beste Jan Jansen, voor factuur F2026-0042 staat nog € 1.250,00 open. Wij vragen u dit uiterlijk 2 april 2026 te betalen", messages[1], StringComparison.Ordinal);
        Assert.All(messages, text => Assert.DoesNotContain("{{", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreferredWhatsAppWithoutOptIn_GetsSms()
    {
        var timeline = await Timelines.RunAsync(Scenario(until: "2026-03-05T00:00:00+01:00", optIn: null));

        Assert.Equal(["2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0"], timeline);
    }

    [Fact]
    public async Task WhatsAppDeliveryFailed_StaffTaskAndTheMessageAgainBySms_ThenSms()
    {
        var timeline = await Timelines.RunAsync(Scenario(until: "2026-03-14T00:00:00+01:00", events: """
            [ { "at": "2026-03-04T10:05:00+01:00", "type": "deliveryFailed", "channel": "whatsapp", "reason": "131026: message undeliverable" },
              { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "no-answer" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message whatsapp friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-04T10:05+01:00 staffTask whatsapp to +31612345678 could not be delivered (131026: message undeliverable): check the contact data.",
            "2026-03-04T10:05+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: no-answer",
        ], timeline);
    }

    [Fact]
    public async Task KindWithoutApprovedTemplate_GoesBySms_WithANote()
    {
        var policy = new CollectionsPolicy { WhatsApp = new WhatsAppPolicy { Templates = [] } };

        var timeline = await Timelines.RunAsync(Scenario(until: "2026-03-05T00:00:00+01:00"), policy);

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-04T10:00+01:00 note note: reminder sent by SMS: no approved WhatsApp template for it in nl.",
        ], timeline);
    }

    [Fact]
    public async Task DebtorWroteBack_ShowsForStaff_AndTheNextMessageWithin24HoursIsFreeText()
    {
        // A known late payer gets a nudge before the due date; the reply opens WhatsApp's 24-hour window for the reminder.
        const string events = """
            [ { "at": "2026-03-03T12:00:00+01:00", "type": "debtorWrote", "text": "Ik betaal morgen, excuses!" } ]
            """;
        var whatsApp = await Timelines.RunLinesAsync(Scenario(start: "2026-02-25T09:00:00+01:00", until: "2026-03-05T00:00:00+01:00", latePayer: true, events: events));
        var sms = await Timelines.RunLinesAsync(Scenario(start: "2026-02-25T09:00:00+01:00", until: "2026-03-05T00:00:00+01:00", latePayer: true, channel: "sms"));

        Assert.Equal(
        [
            "2026-02-28T10:00+01:00 message whatsapp friendly pre-due-nudge balance=1250.00 costs=0 interest=0",
            "2026-03-03T12:00+01:00 note debtor-wrote: The debtor wrote (per WhatsApp): Ik betaal morgen, excuses!",
            "2026-03-04T10:00+01:00 message whatsapp friendly reminder balance=1250.00 costs=0 interest=0",
        ], whatsApp.Select(Timelines.Compact));
        Assert.StartsWith("Beste Jan Jansen, een vriendelijke herinnering: factuur F2026-0042", (string)whatsApp[0]["text"]!, StringComparison.Ordinal);
        Assert.Equal(Text(sms, "reminder"), Text(whatsApp, "reminder"));
    }

    private static string Text(IEnumerable<JsonObject> lines, string kind) =>
        (string)lines.Single(line => (string?)line["kind"] == kind)["text"]!;

    private static string Scenario(
        string events = "[]",
        string start = "2026-03-02T09:00:00+01:00",
        string until = "2026-06-30T00:00:00+02:00",
        string channel = "whatsapp",
        string? optIn = OptIn,
        bool latePayer = false) => $$"""
        {
          "start": "{{start}}", "until": "{{until}}",
          "invoice": { "number": "F2026-0042", "issueDate": "2026-02-01", "dueDate": "2026-03-03",
            "amount": 1250.00, "currency": "EUR", "customerReference": "PO-991",
            "debtor": { "id": "C-17", "name": "Jan Jansen", "kind": "consumer", "email": "jan@example.nl", "phone": "+31612345678",
              "preferredChannel": "{{channel}}", "language": "nl"{{(optIn is null ? "" : $", \"whatsAppOptIn\": {optIn}")}},
              "history": {{(latePayer
                  ? """{ "invoicesPaidLate": 3, "invoicesPaidOnTime": 1, "averageDaysLate": 12 }"""
                  : """{ "invoicesPaidLate": 0, "invoicesPaidOnTime": 6, "averageDaysLate": 0 }""")}} } },
          "events": {{events}}
        }
        """;
}
