using System.Text.Json.Nodes;
using Collections.Policy;
using Collections.Server.Simulation;

namespace Collections.Tests.Simulation;

/// <summary>Runs scenarios through <c>simulate</c>'s runner (the real workflow on the embedded runtime, virtual
/// time, a temporary SQLite store) and shows each timeline line compactly, so tests can assert whole timelines.</summary>
internal static class Timelines
{
    public static async Task<IReadOnlyList<string>> RunAsync(string scenarioJson, CollectionsPolicy? policy = null) =>
        [.. (await RunLinesAsync(scenarioJson, policy)).Select(Compact)];

    public static async Task<IReadOnlyList<JsonObject>> RunLinesAsync(string scenarioJson, CollectionsPolicy? policy = null)
    {
        await using var runner = new SimulationRunner(Scenario.Parse(scenarioJson), policy ?? new CollectionsPolicy());
        return await runner.RunAsync();
    }

    /// <summary>"2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0", …</summary>
    public static string Compact(JsonObject line)
    {
        var at = line["at"]!.GetValue<string>().Remove(16, 3);
        var numbers = line["invoiceNumbers"] is JsonArray list ? " [" + string.Join(",", list.Select(number => number!.GetValue<string>())) + "]" : "";
        return line["type"]!.GetValue<string>() switch
        {
            "message" => $"{at} message {line["channel"]} {line["tone"]} {line["kind"]} balance={line["balance"]} costs={line["costs"]} interest={line["interest"]}{numbers}",
            "callTask" => $"{at} callTask {line["script"]} attempt={line["attempt"]} dueBy={line["dueBy"]!.GetValue<string>().Remove(16, 3)}{numbers}",
            "staffTask" => $"{at} staffTask {line["reason"]}",
            "approvalRequested" => $"{at} approvalRequested {line["action"]}",
            "handedOver" => $"{at} handedOver balance={line["balance"]} costs={line["costs"]} interest={line["interest"]}",
            "completed" => $"{at} completed {line["result"]}{numbers}",
            var other => $"{at} {other} {line["kind"]}: {line["text"]}{numbers}",
        };
    }

    /// <summary>Staff record "no answer" on the three first-contact calls of a debtor due 2026-03-03 (not a late
    /// payer): real attempts, so a consumer final notice and a hand-over approval may follow. The first call comes on
    /// Friday 13 March: the reminder of 4 March states "uiterlijk 11 maart", plus a grace day; retries on the 16th and 17th.</summary>
    public const string ThreeUnansweredCalls = """
        { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "no-answer" },
        { "at": "2026-03-16T15:00:00+01:00", "type": "callOutcome", "outcome": "no-answer" },
        { "at": "2026-03-17T12:00:00+01:00", "type": "callOutcome", "outcome": "no-answer" }
        """;

    /// <summary>A one-invoice scenario for debtor C-17 (consumer, SMS preferred), due on <paramref name="dueDate"/>.</summary>
    public static string Single(
        string events = "[]",
        string start = "2026-03-02T09:00:00+01:00",
        string until = "2026-06-30T00:00:00+02:00",
        string dueDate = "2026-03-03",
        string issueDate = "2026-02-01",
        decimal amount = 1250m,
        string kind = "consumer",
        string phone = "+31612345678",
        string email = "jan@example.nl",
        string channel = "sms",
        bool latePayer = false,
        string language = "nl") => $$"""
        {
          "start": "{{start}}", "until": "{{until}}",
          "invoice": { "number": "F2026-0042", "issueDate": "{{issueDate}}", "dueDate": "{{dueDate}}",
            "amount": {{amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}}, "currency": "EUR", "customerReference": "PO-991",
            "debtor": { "id": "C-17", "name": "Jan Jansen", "kind": "{{kind}}", "email": "{{email}}", "phone": "{{phone}}",
              "preferredChannel": "{{channel}}", "language": "{{language}}",
              "history": {{(latePayer
                  ? """{ "invoicesPaidLate": 3, "invoicesPaidOnTime": 1, "averageDaysLate": 12 }"""
                  : """{ "invoicesPaidLate": 0, "invoicesPaidOnTime": 6, "averageDaysLate": 0 }""")}} } },
          "events": {{events}}
        }
        """;
}
