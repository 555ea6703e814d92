using Collections.Activities;
using Collections.Messages;
using Collections.Storage;
using Collections.Web.Pages;
using Microsoft.Extensions.Localization;

namespace Collections.Web.Staff;

/// <summary>A contact-log line in the page's language (the current UI culture). The store keeps one summary in English (the dossier's
/// language); the lines the workflow writes itself are told again from their structured details (a message, a call task or outcome, a payment, a staff task, a note, the end), every other line
/// (notes written by people, lines written by an earlier version, refusals quoted from a provider) as stored.</summary>
internal static class TimelineText
{
    /// <summary>"3 mrt 2026 10:00 · Bericht · sms".</summary>
    public static string Title(IStringLocalizer t, ContactLogEntry entry) =>
        $"{PageFormat.Moment(entry.At)} · {PageLabels.Label(t, "kind", entry.Kind)}{(entry.Channel is { } channel ? " · " + PageLabels.Label(t, "channel", MessageNames.Of(channel)) : string.Empty)}";

    /// <summary>"Herinnering (vriendelijk) per sms"; "Belopdracht (eerste contact, poging 1)"; "Betaling van € 100,00
    /// ontvangen; nog open: € 150,00"; "Afgerond: Betaald".</summary>
    public static string Summary(IStringLocalizer t, ContactLogEntry entry)
    {
        var details = ContactLogDetails.Of(entry);
        if (entry.Kind == ContactKinds.Message && entry.Channel is { } channel && entry.Tone is { } tone && details.Message is { } message)
        {
            return t["timeline.message", PageLabels.Label(t, "message", message), PageLabels.Label(t, "tone", tone), PageLabels.Label(t, "channel", MessageNames.Of(channel))];
        }

        if (entry.Kind == ContactKinds.CallTask && details is { Script: { } script, Attempt: { } attempt })
        {
            return t["timeline.callTask", PageLabels.Label(t, "script", script), attempt];
        }

        // The workflow writes its payment lines in euros, the only currency intake accepts (SupportedCurrencies).
        if (entry.Kind == ContactKinds.Payment && details is { Amount: { } amount, Balance: { } balance })
        {
            return t["timeline.payment", PageFormat.Money(amount, "EUR"), PageFormat.Money(balance, "EUR")];
        }

        if (entry.Kind == ContactKinds.StaffTask && StaffTaskText.For(t, entry.DataJson) is { } task)
        {
            return task;
        }

        if (entry.Kind is ContactKinds.Note or ContactKinds.CallOutcome && WorkflowNoteText.For(t, entry.DataJson) is { } note)
        {
            return note;
        }

        if (entry.Kind == ContactKinds.Completed && details.Result is { } result)
        {
            return t["timeline.completed", PageLabels.Result(t, result)];
        }

        return entry.Summary;
    }
}
