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
