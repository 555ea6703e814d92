using System.Text;
using System.Text.Json.Nodes;

namespace Collections.Server.Tests.Support;

/// <summary>Invoice request bodies as an accounting system would post them.</summary>
internal static class InvoiceJson
{
    public static JsonObject Valid(string number, decimal amount = 242.00m, string? source = "exact-online") => new()
    {
        ["number"] = number,
        ["issueDate"] = "2026-02-01",
        ["dueDate"] = "2026-03-03",
        ["amount"] = amount,
        ["currency"] = "EUR",
        ["customerReference"] = "PO-4471",
        ["source"] = source,
        ["debtor"] = new JsonObject
        {
            ["id"] = "debtor-17",
            ["name"] = "Bakkerij De Korenbloem",
            ["kind"] = "business",
            ["email"] = "administratie@korenbloem.example",
            ["phone"] = "06 12345678",
            ["preferredChannel"] = "sms",
            ["language"] = "nl",
        },
    };

    public static StringContent Content(JsonNode json) => Content(json.ToJsonString());

    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");
}
