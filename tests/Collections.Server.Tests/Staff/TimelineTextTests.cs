using Collections.Invoices;
using Collections.Storage;
using Collections.Server.Tests.Support;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

/// <summary>The staff timeline tells the workflow's own lines in the page's language, from their details;
/// lines written by people stay as they were written.</summary>
public sealed class TimelineTextTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly ContactLogEntry Reminder = new(
        "step-1", "INV-1", "debtor-1", At, "message", "reminder (friendly) by sms", Channel.Sms, "friendly",
        "Goedemorgen…", """{"kind":"reminder","to":"+31612345678","balance":287.50}""");

    private static readonly ContactLogEntry CallTask = new(
        "step-2", "INV-1", "debtor-1", At, "call-task", "Call task (first-contact, attempt 1)",
        DataJson: """{"taskId":"step-2","script":"first-contact","attempt":1}""");

    private static readonly ContactLogEntry Payment = new(
        "step-4", "INV-1", "debtor-1", At, "payment", "Payment tr_1 of €100.00 received; balance €187.50.",
        DataJson: """{"paymentId":"tr_1","amount":100.00,"balance":187.50}""");

    private static readonly ContactLogEntry Completed = new(
        "step-5", "INV-1", "debtor-1", At, "completed", "Completed: paid", DataJson: """{"result":"paid","balance":0}""");

    private static readonly ContactLogEntry PaymentLoggedBeforeDetails = new(
        "step-6", "INV-1", "debtor-1", At, "payment", "Payment tr_0 of €50.00 received; balance €237.50.");

    private static readonly ContactLogEntry StaffNote = new(
        "step-3", "INV-1", "debtor-1", At, "note", "Klant belde zelf; betaalt vrijdag.");

    [Fact]
    public void Dutch_WorkflowLinesTranslated_MomentInAmsterdamTime()
    {
        using var texts = PageTextsInLanguage.Dutch();
        var t = texts.T;

        Assert.Equal("3 mrt 2026 10:00 · Bericht · sms", TimelineText.Title(t, Reminder));
        Assert.Equal("Herinnering (vriendelijk) per sms", TimelineText.Summary(t, Reminder));
        Assert.Equal("3 mrt 2026 10:00 · Belopdracht", TimelineText.Title(t, CallTask));
        Assert.Equal("Belopdracht (eerste contact, poging 1)", TimelineText.Summary(t, CallTask));
        Assert.Equal("Betaling van € 100,00 ontvangen; nog open: € 187,50", TimelineText.Summary(t, Payment));
        Assert.Equal("Afgerond: Betaald", TimelineText.Summary(t, Completed));
    }

    [Fact]
    public void PaymentLoggedWithoutDetails_ByAnEarlierVersion_KeptAsStored()
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Equal("Payment tr_0 of €50.00 received; balance €237.50.", TimelineText.Summary(texts.T, PaymentLoggedBeforeDetails));
    }

    [Fact]
    public void English_WorkflowLinesInEnglish()
    {
        using var texts = PageTextsInLanguage.English();
        var t = texts.T;

        Assert.Equal("3 Mar 2026 10:00 · Message · SMS", TimelineText.Title(t, Reminder));
        Assert.Equal("Reminder (friendly) by SMS", TimelineText.Summary(t, Reminder));
        Assert.Equal("Call task (first contact, attempt 1)", TimelineText.Summary(t, CallTask));
    }

    [Fact]
    public void NoteByStaff_KeptAsWritten_KindTranslated()
    {
        using var texts = PageTextsInLanguage.Dutch();
        var t = texts.T;

        Assert.Equal("Klant belde zelf; betaalt vrijdag.", TimelineText.Summary(t, StaffNote));
        Assert.Equal("3 mrt 2026 10:00 · Notitie", TimelineText.Title(t, StaffNote));
    }

    [Fact]
    public void UnknownKind_ShownAsItsCode()
    {
        var entry = StaffNote with { Kind = "something-new" };

        using var texts = PageTextsInLanguage.Dutch();

        Assert.Equal("3 mrt 2026 10:00 · something-new", TimelineText.Title(texts.T, entry));
    }
}
