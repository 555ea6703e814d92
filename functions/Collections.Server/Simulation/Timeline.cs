using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Activities;
using Collections.Calendar;
using Collections.Json;
using Collections.Messages;
using Collections.Storage;

namespace Collections.Server.Simulation;

/// <summary>A debtor's contact log as the JSON Lines <c>simulate</c> prints: one object per line, in time
/// order, <c>at</c> in Europe/Amsterdam with its offset, amounts as numbers in euros.</summary>
public static class Timeline
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById(LocalTime.AmsterdamId);

    /// <summary>Readable output: "€" and "+31…" as themselves. The lines go to a terminal or a file, never into HTML.</summary>
    private static readonly JsonSerializerOptions Output = new(CollectionsJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<JsonObject> From(IEnumerable<ContactLogEntry> entries, bool withInvoiceNumbers)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Select((entry, index) => (entry, index))
            .OrderBy(pair => pair.entry.At)
            .ThenBy(pair => pair.index)
            .Select(pair => Line(pair.entry, withInvoiceNumbers))];
    }

    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Amsterdam).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static JsonObject Line(ContactLogEntry entry, bool withInvoiceNumbers)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var data = entry.DataJson is null ? new JsonObject() : JsonNode.Parse(entry.DataJson)!.AsObject();
        var line = new JsonObject { ["at"] = Format(entry.At) };
        switch (entry.Kind)
        {
            case ContactKinds.Message:
                line["type"] = "message";
                line["channel"] = entry.Channel is { } channel ? MessageNames.Of(channel) : null;
                line["tone"] = entry.Tone;
                line["kind"] = Take(data, "kind");
                line["to"] = Take(data, "to");
                if (data["subject"] is not null)
                {
                    line["subject"] = Take(data, "subject");
                }

                line["text"] = entry.Text;
                line["balance"] = Take(data, "balance");
                line["costs"] = Take(data, "costs");
                line["interest"] = Take(data, "interest");
                if (data["announcedCosts"] is not null)
                {
                    line["announcedCosts"] = Take(data, "announcedCosts");
                }

                line["deadline"] = Take(data, "deadline");
                break;
            case ContactKinds.CallTask:
                line["type"] = "callTask";
                line["script"] = Take(data, "script");
                line["dueBy"] = data["dueBy"] is { } dueBy ? Format(DateTimeOffset.Parse(dueBy.GetValue<string>(), CultureInfo.InvariantCulture)) : null;
                line["attempt"] = Take(data, "attempt");
                line["balance"] = Take(data, "balance");
                break;
            case ContactKinds.StaffTask:
                line["type"] = "staffTask";
                line["reason"] = entry.Summary;
                break;
            case ContactKinds.ApprovalRequested:
                line["type"] = "approvalRequested";
                line["action"] = Take(data, "action");
                line["approver"] = Take(data, "approver");
                break;
            case ContactKinds.HandedOver:
                line["type"] = "handedOver";
                line["balance"] = Take(data, "balance");
                line["costs"] = Take(data, "costs");
                line["interest"] = Take(data, "interest");
                break;
            case ContactKinds.Completed:
                line["type"] = "completed";
                line["result"] = Take(data, "result");
                break;
            default:
                line["type"] = "note";
                line["kind"] = entry.Kind;
                line["text"] = entry.Summary;
                break;
        }

        if (withInvoiceNumbers)
        {
            line["invoiceNumbers"] = data["invoiceNumbers"]?.DeepClone() ?? new JsonArray(entry.InvoiceNumber);
        }

        return line;
    }

    public static string Serialize(JsonObject line) => line.ToJsonString(Output);

    private static JsonNode? Take(JsonObject data, string name) => data[name]?.DeepClone();
}
