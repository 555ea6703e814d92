using System.Globalization;
using System.Text.Json;
using Collections.Contacts;
using Collections.Web.Pages;
using Microsoft.Extensions.Localization;
using static Collections.Web.Staff.StoredFacts;

namespace Collections.Web.Staff;

/// <summary>A staff task's text in the page's language, from the facts the workflow stored with it
/// (<see cref="Collections.Storage.StaffTaskRecord.DetailsJson"/>: which text, and its values); null when it stored none,
/// and the page shows the workflow's English summary instead.</summary>
internal static class StaffTaskText
{
    public static string? For(IStringLocalizer t, string? detailsJson) => Tell(detailsJson, (root, name) => Told(t, root, name));

    private static LocalizedString? Told(IStringLocalizer t, JsonElement root, string name)
    {
        var key = "task.text." + name;
        return name switch
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
            "check-before-chasing" or "contact-data" or "payment-to-check" when Problems(t, root) is { } problems => t[key, problems],
            "delivery-failed" when Text(root, "channel") is { } channel && Text(root, "address") is { } address =>
                t[$"{key}.{channel}", channel == "email" ? address : PhoneNumberNormalizer.ForDisplay(address), Text(root, "reason") is { } reason ? $" ({reason})" : string.Empty],
            "dispute" when Text(root, "reason") is { } reason => t[key, reason],
            "plan-during-dispute" when Number(root, "total") is { } total && Number(root, "instalments") is { } count && Day(root, "lastDue") is { } lastDue =>
                t[key, PageFormat.Money(total, "EUR"), count.ToString(CultureInfo.CurrentCulture), PageFormat.Date(lastDue)],
            "final-notice-policy" when Number(root, "marginDays") is { } margin && Text(root, "policy") is { } policy && Day(root, "deadline") is { } deadline
                && Number(root, "minimumDays") is { } minimum =>
                t[key, margin.ToString(CultureInfo.CurrentCulture), policy, PageFormat.Date(deadline), minimum.ToString(CultureInfo.CurrentCulture)],
            _ => null,
        };
    }

    /// <summary>The check's problems, each in the page's language, joined; null when one of them has no text.</summary>
    private static string? Problems(IStringLocalizer t, JsonElement root)
    {
        if (!root.TryGetProperty("problems", out var problems) || problems.ValueKind != JsonValueKind.Array || problems.GetArrayLength() == 0)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var problem in problems.EnumerateArray())
        {
            if (Problem(t, problem) is not { ResourceNotFound: false } text)
            {
                return null;
            }

            texts.Add(text.Value);
        }

        return string.Join("; ", texts);
    }

    private static LocalizedString? Problem(IStringLocalizer t, JsonElement problem)
    {
        if (Text(problem, "code") is not { } code || !problem.TryGetProperty("facts", out var facts) || facts.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var key = "check.problem." + code;
        return code switch
        {
            "amount-not-positive" when Number(facts, "amount") is { } amount => t[key, PageFormat.Money(amount, "EUR")],
            "due-before-issue" when Day(facts, "due") is { } due && Day(facts, "issue") is { } issue => t[key, PageFormat.Date(due), PageFormat.Date(issue)],
            "no-contact" when Text(facts, "field") is "phone" or "email" => t[$"{key}.{Text(facts, "field")}"],
            "unusable-contact" when Text(facts, "field") is "phone" or "email" && Text(facts, "value") is { } value
                && Text(facts, "reason") is { } reason && t["contact.problem." + reason] is { ResourceNotFound: false } why =>
                t[$"{key}.{Text(facts, "field")}", value, why.Value],
            "landline-for-sms" when Text(facts, "value") is { } phone => t[key, PhoneNumberNormalizer.ForDisplay(phone)],
            "foreign-payment" when Text(facts, "paymentId") is { } id && Number(facts, "amount") is { } amount && Text(facts, "currency") is { } currency
                && Text(facts, "invoiceCurrency") is { } invoiceCurrency =>
                t[key, id, PageFormat.Money(amount, currency), invoiceCurrency],
            _ => null,
        };
    }
}
