using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

/// <summary>The approval email's contact history in the email's language: the workflow's own lines told from their facts,
/// anything else (a note someone wrote) as stored.</summary>
public sealed class ApprovalHistoryTests
{
    private static readonly HistoryEntry[] History =
    [
        new(new DateOnly(2026, 3, 5), "reminder (friendly) by sms", "message", "reminder", "friendly", "sms"),
        new(new DateOnly(2026, 3, 10), "Call task (first-contact, attempt 1)", "call-task", Script: "first-contact", Attempt: 1),
        new(new DateOnly(2026, 3, 12), "Payment tr_1 of €100.00 received; balance €1,150.75.", "payment", Amount: 100m, Balance: 1150.75m),
        new(new DateOnly(2026, 3, 20), "final-notice (formal) by email", "message", "final-notice", "formal", "email"),
        new(new DateOnly(2026, 3, 21), "Klant belde: betaalt na de vakantie", "note"),
        new(new DateOnly(2026, 3, 13), "Call outcome: promise-to-pay (by 2026-03-18)", "call-outcome", Outcome: "promise-to-pay", Day: new DateOnly(2026, 3, 18)),
        new(new DateOnly(2026, 3, 14), "Call outcome: no-answer", "call-outcome", Outcome: "no-answer"),
        new(new DateOnly(2026, 3, 20), "Promise to pay by 2026-03-18 not met.", "note", Note: "promise-not-met", Day: new DateOnly(2026, 3, 18)),
        new(new DateOnly(2026, 4, 5), "Final notice term ended 2026-04-04: collection costs of €187.51 are now due.", "note", Amount: 187.51m, Note: "term-ended-costs-due", Day: new DateOnly(2026, 4, 4)),
    ];

    [Fact]
    public void Dutch_TheWorkflowsLinesInDutch_NotesAsWritten()
    {
        var text = Render("nl").Text;

        Assert.Contains("- 5 maart 2026: Herinnering (vriendelijk) per sms", text, StringComparison.Ordinal);
        Assert.Contains("- 10 maart 2026: Belopdracht (eerste contact, poging 1)", text, StringComparison.Ordinal);
        Assert.Contains("- 12 maart 2026: Betaling van € 100,00 ontvangen; nog open: € 1.150,75", text, StringComparison.Ordinal);
        Assert.Contains("- 20 maart 2026: Laatste aanmaning (formeel) per e-mail", text, StringComparison.Ordinal);
        Assert.Contains("- 21 maart 2026: Klant belde: betaalt na de vakantie", text, StringComparison.Ordinal);
        Assert.Contains("- 13 maart 2026: Uitkomst gesprek: belooft te betalen, uiterlijk 18 maart 2026", text, StringComparison.Ordinal);
        Assert.Contains("- 14 maart 2026: Uitkomst gesprek: geen gehoor", text, StringComparison.Ordinal);
        Assert.Contains("- 20 maart 2026: Toezegging om uiterlijk 18 maart 2026 te betalen niet nagekomen", text, StringComparison.Ordinal);
        Assert.Contains("- 5 april 2026: Termijn van de laatste aanmaning verstreken op 4 april 2026: de incassokosten van € 187,51 zijn nu verschuldigd", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Call outcome", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not met", text, StringComparison.Ordinal);
        Assert.DoesNotContain("by sms", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Call task", text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_TheSameFactsInEnglish()
    {
        var text = Render("en").Text;

        Assert.Contains("Reminder (friendly) by SMS", text, StringComparison.Ordinal);
        Assert.Contains("Call task (first contact, attempt 1)", text, StringComparison.Ordinal);
        Assert.Contains("Final notice (formal) by email", text, StringComparison.Ordinal);
        Assert.Contains("Call outcome: promises to pay by 18 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("Promise to pay by 18 March 2026 not met", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ListsTheSameLines()
    {
        var html = Render("nl").Html!;

        Assert.Contains("Herinnering (vriendelijk) per sms</li>", html, StringComparison.Ordinal);
    }

    private static RenderedMessage Render(string language)
    {
        var model = SampleMessages.Complete(MessageKind.ApprovalRequest);
        model = model with { Approval = model.Approval! with { History = History } };
        return MessageRenderer.Default.Render(MessageKind.ApprovalRequest, Tone.Businesslike, Channel.Email, language, model);
    }
}
