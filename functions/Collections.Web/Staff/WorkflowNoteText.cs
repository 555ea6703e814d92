using System.Text.Json;
using Collections.Web.Pages;
using Microsoft.Extensions.Localization;
using static Collections.Web.Staff.StoredFacts;

namespace Collections.Web.Staff;

/// <summary>A note or call outcome the workflow wrote, in the page's language, from the facts it stored with the line
/// (<c>{"text": "amended", …}</c>); null when it stored none (a line from an earlier version, a note written by a
/// person), and the page shows the stored English summary instead.</summary>
internal static class WorkflowNoteText
{
    public static string? For(IStringLocalizer t, string? dataJson) => Tell(dataJson, (root, name) => Told(t, root, name));

    private static LocalizedString? Told(IStringLocalizer t, JsonElement root, string name)
    {
        var key = "note.text." + name;
        return name switch
        {
            "call-outcome" when Text(root, "outcome") is { } outcome => CallOutcome(t, root, outcome),
            "amended" when Number(root, "amount") is { } amount && Day(root, "due") is { } due && Number(root, "balance") is { } balance =>
                t[key, PageFormat.Money(amount, "EUR"), PageFormat.Date(due), PageFormat.Money(balance, "EUR")],
            "closed-by-staff" or "dispute-already-open" when Text(root, "reason") is { } reason => t[key, reason],
            "policy-migrated" when Text(root, "from") is { } from && Text(root, "to") is { } to =>
                Text(root, "reason") is { } reason ? t[key + ".reason", from, to, reason] : t[key, from, to],
            "credited-credit-note" when Number(root, "amount") is { } amount && Number(root, "balance") is { } balance =>
                Text(root, "creditNote") is { } number
                    ? t[key, number, PageFormat.Money(amount, "EUR"), PageFormat.Money(balance, "EUR")]
                    : t[key + ".unnumbered", PageFormat.Money(amount, "EUR"), PageFormat.Money(balance, "EUR")],
            "credited-dispute-resolved" when Number(root, "amount") is { } amount && Number(root, "balance") is { } balance =>
                Text(root, "note") is { } note
                    ? t[key + ".note", PageFormat.Money(amount, "EUR"), PageFormat.Money(balance, "EUR"), note]
                    : t[key, PageFormat.Money(amount, "EUR"), PageFormat.Money(balance, "EUR")],
            "credit-note-again" when Text(root, "creditNote") is { } number => t[key, number],
            "promise-not-met" when Day(root, "date") is { } date => t[key, PageFormat.Date(date)],
            "plan-completed-balance-left" when Number(root, "balance") is { } balance => t[key, PageFormat.Money(balance, "EUR")],
            "instalment-missed" when Number(root, "amount") is { } amount && Day(root, "due") is { } due => t[key, PageFormat.Money(amount, "EUR"), PageFormat.Date(due)],
            "term-ended-costs-due" when Day(root, "lastDay") is { } lastDay && Number(root, "costs") is { } costs =>
                t[key, PageFormat.Date(lastDay), PageFormat.Money(costs, "EUR")],
            "stray-call-outcome" or "stray-approval" or "contact-updated" or "nudge-not-sent" or "no-phone-write" => t[key],
            _ => null,
        };
    }

    /// <summary>"Belooft te betalen, uiterlijk 18 maart 2026"; "Geen gehoor".</summary>
    private static LocalizedString CallOutcome(IStringLocalizer t, JsonElement root, string outcome)
    {
        var label = PageLabels.Label(t, "outcome", outcome);
        return outcome switch
        {
            "promise-to-pay" when Day(root, "promisedDate") is { } date => t["note.text.call-outcome.promise-to-pay", PageFormat.Date(date)],
            "payment-plan" when Number(root, "instalments") is { } count => t["note.text.call-outcome.payment-plan", count],
            "callback-requested" when Moment(root, "callbackAt") is { } at => t["note.text.call-outcome.callback-requested", PageFormat.Moment(at)],
            _ when (Text(root, "reason") ?? Text(root, "note")) is { } detail => t["note.text.call-outcome.detail", label, detail],
            _ => t["note.text.call-outcome", label],
        };
    }
}
