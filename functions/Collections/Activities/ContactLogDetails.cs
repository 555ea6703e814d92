using System.Text.Json;
using Collections.Storage;

namespace Collections.Activities;

/// <summary>The facts the workflow's own contact-log lines carry in their details (<see cref="ContactLogEntry.DataJson"/>),
/// read back so pages and emails can tell those lines in their reader's language instead of the stored English summary.</summary>
/// <param name="Message">A message's kind (reminder, final-notice, …).</param>
/// <param name="Script">A call task's script, with its <paramref name="Attempt"/>.</param>
/// <param name="Amount">A payment's amount, with the <paramref name="Balance"/> left open after it.</param>
/// <param name="Result">How a completed workflow ended (paid, handed-over, …).</param>
public sealed record ContactLogDetails(string? Message, string? Script, int? Attempt, decimal? Amount, decimal? Balance, string? Result)
{
    private static readonly ContactLogDetails None = new(null, null, null, null, null, null);

    public static ContactLogDetails Of(ContactLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.DataJson is null)
        {
            return None;
        }

        using var data = JsonDocument.Parse(entry.DataJson);
        var root = data.RootElement;
        return root.ValueKind != JsonValueKind.Object
            ? None
            : new ContactLogDetails(
                entry.Kind == ContactKinds.Message ? Text(root, "kind") : null,
                Text(root, "script"),
                root.TryGetProperty("attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number ? attempt.GetInt32() : null,
                entry.Kind == ContactKinds.Payment ? Number(root, "amount") : null,
                entry.Kind == ContactKinds.Payment ? Number(root, "balance") : null,
                entry.Kind == ContactKinds.Completed ? Text(root, "result") : null);
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
