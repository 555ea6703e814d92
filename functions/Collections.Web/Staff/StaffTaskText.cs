using System.Globalization;
using System.Text.Json;
using Collections.Contacts;
using Collections.Web.Pages;
using Microsoft.Extensions.Localization;

namespace Collections.Web.Staff;

/// <summary>A staff task's text in the page's language, from the facts the workflow stored with it
/// (<see cref="Collections.Storage.StaffTaskRecord.DetailsJson"/>: which text, and its values); null when it stored none,
/// and the page shows the workflow's English summary instead.</summary>
internal static class StaffTaskText
{
    public static string? For(IStringLocalizer t, string? detailsJson)
    {
        if (detailsJson is null)
        {
            return null;
        }

        using var details = JsonDocument.Parse(detailsJson);
        var root = details.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var key = "task.text." + name.GetString();
        var text = name.GetString() switch
        {
            "wrong-number" when Text(root, "phone") is { } phone => t[key, PhoneNumberNormalizer.ForDisplay(phone)],
            "overpayment" when Number(root, "amount") is { } amount => t[key, PageFormat.Money(amount, "EUR")],
            "postal-notice" when Day(root, "deadline") is { } deadline => t[key, PageFormat.Date(deadline)],
            "call-overdue" when Text(root, "script") is { } script && Day(root, "raisedOn") is { } raised && Day(root, "nextCallDay") is { } next =>
                t[key, PageLabels.Label(t, "script", script), PageFormat.Date(raised), PageFormat.Date(next)],
            "call-escalated-required" or "call-escalated-written" when Text(root, "script") is { } script && Day(root, "raisedOn") is { } raised =>
                t[key, Text(root, "supervisor") ?? string.Empty, PageLabels.Label(t, "script", script), PageFormat.Date(raised)],
            "no-channel" when Text(root, "message") is { } message => t[key, PageLabels.Label(t, "message", message)],
            "no-call-no-phone" or "no-call-yet" when Text(root, "step") is "final-notice" or "hand-over-approval" => t[$"{key}.{Text(root, "step")}"],
            "hardship" or "hand-over-rejected" or "hand-over-failed" => t[key],
            _ => null,
        };
        return text is { ResourceNotFound: false } found ? found.Value : null;
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static DateOnly? Day(JsonElement root, string property) =>
        Text(root, property) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
