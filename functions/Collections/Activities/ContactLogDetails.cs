using System.Globalization;
using System.Text.Json;
using Collections.Storage;

namespace Collections.Activities;

/// <summary>The facts the workflow's own contact-log lines carry in their details (<see cref="ContactLogEntry.DataJson"/>),
/// read back so pages and emails can tell those lines in their reader's language instead of the stored English summary.</summary>
/// <param name="Message">A message's kind (reminder, final-notice, …), with the last day to pay it stated
/// (<paramref name="Deadline"/>), the costs and interest it stated and, on a consumer's final notice, the costs it
/// announced for after that day (<paramref name="AnnouncedCosts"/>).</param>
/// <param name="Script">A call task's script, with its <paramref name="Attempt"/>.</param>
/// <param name="Amount">A payment's amount, with the <paramref name="Balance"/> left open after it; on a note, the amount
/// it names (an instalment missed, costs now due, an amended amount with the balance).</param>
/// <param name="Result">How a completed workflow ended (paid, handed-over, …).</param>
/// <param name="Outcome">A call outcome's kind (promise-to-pay, no-answer, …), with the promised date as
/// <paramref name="Day"/> and a payment plan's number of <paramref name="Instalments"/>.</param>
/// <param name="Note">Which of the workflow's notes a note is (promise-not-met, instalment-missed, term-ended-costs-due,
/// amended, …), with the day it names as <paramref name="Day"/> (the promised date, the instalment's or invoice's due
/// date, the notice's last day).</param>
public sealed record ContactLogDetails(
    string? Message,
    string? Script,
    int? Attempt,
    decimal? Amount,
    decimal? Balance,
    string? Result,
    DateOnly? Deadline = null,
    decimal? Costs = null,
    decimal? Interest = null,
    decimal? AnnouncedCosts = null,
    string? Outcome = null,
    DateOnly? Day = null,
    int? Instalments = null,
    string? Note = null)
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
        if (root.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        var message = entry.Kind == ContactKinds.Message;
        var outcome = entry.Kind == ContactKinds.CallOutcome;
        var note = entry.Kind == ContactKinds.Note ? Text(root, "text") : null;
        return new ContactLogDetails(
            message ? Text(root, "kind") : null,
            Text(root, "script"),
            Integer(root, "attempt"),
            entry.Kind == ContactKinds.Payment ? Number(root, "amount") : note is null ? null : Number(root, "amount") ?? Number(root, "costs"),
            entry.Kind == ContactKinds.Payment || note is not null ? Number(root, "balance") : null,
            entry.Kind == ContactKinds.Completed ? Text(root, "result") : null,
            message ? DateOf(root, "deadline") : null,
            message ? Number(root, "costs") : null,
            message ? Number(root, "interest") : null,
            message ? Number(root, "announcedCosts") : null,
            outcome ? Text(root, "outcome") : null,
            outcome ? DateOf(root, "promisedDate") : note is null ? null : DateOf(root, "date") ?? DateOf(root, "due") ?? DateOf(root, "lastDay"),
            outcome ? Integer(root, "instalments") : null,
            note);
    }

    private static int? Integer(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static DateOnly? DateOf(JsonElement root, string property) =>
        Text(root, property) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
