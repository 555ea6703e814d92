using Collections.Server.Tests.Support;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

/// <summary>Staff tasks the workflow raised with their facts are told in the page's language; others keep the workflow's text.</summary>
public sealed class StaffTaskTextTests
{
    [Fact]
    public void Dutch_FromTheFacts_ValuesAsTheLanguageWritesThem()
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Equal("Verkeerd telefoonnummer 06 12345678: zoek het juiste nummer.", StaffTaskText.For(texts.T, """{"text":"wrong-number","phone":"+31612345678"}"""));
        Assert.Equal(
            "Te veel betaald: € 712,50 meer dan het openstaande bedrag is ontvangen. Betaal het terug of verreken het met een andere factuur.",
            StaffTaskText.For(texts.T, """{"text":"overpayment","amount":712.50}"""));
        Assert.Equal(
            "Verstuur de laatste aanmaning vandaag per post; daarin staat 4 mei 2026 als uiterste betaaldatum.",
            StaffTaskText.For(texts.T, """{"text":"postal-notice","deadline":"2026-05-04"}"""));
    }

    [Fact]
    public void Dutch_CallTasksNotWorked_ScriptAndDaysInDutch()
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Equal(
            "De belopdracht (eerste contact) van 16 maart 2026 heeft nog geen uitkomst: ze blijft als achterstallig op de bellijst, om op 17 maart 2026 te bellen. Er wordt pas een gesprek vastgelegd als een medewerker dat doet.",
            StaffTaskText.For(texts.T, """{"text":"call-overdue","script":"first-contact","raisedOn":"2026-03-16","nextCallDay":"2026-03-17"}"""));
        Assert.Equal(
            "Escalatie naar de leidinggevende (finance-manager@example.nl): de belopdracht (eerste contact) van 16 maart 2026 is niet uitgevoerd. Ze gaat van de bellijst en het volgende bericht gaat schriftelijk; er wordt geen gesprek vastgelegd.",
            StaffTaskText.For(texts.T, """{"text":"call-escalated-written","supervisor":"finance-manager@example.nl","script":"first-contact","raisedOn":"2026-03-16"}"""));
        Assert.Equal("Geen bruikbaar contactkanaal voor het bericht: Laatste aanmaning.", StaffTaskText.For(texts.T, """{"text":"no-channel","message":"final-notice"}"""));
        Assert.Equal(
            "Er is nog geen belpoging vastgelegd: de laatste aanmaning wacht tot er gebeld is en de uitkomst is vastgelegd.",
            StaffTaskText.For(texts.T, """{"text":"no-call-yet","step":"final-notice"}"""));
        Assert.Null(StaffTaskText.For(texts.T, """{"text":"no-call-yet","step":"some-new-step"}"""));
    }

    [Fact]
    public void English_TheSameFacts()
    {
        using var texts = PageTextsInLanguage.English();

        Assert.Equal("Overpaid: € 712.50 more than the open balance was received. Refund it or offset it against another invoice.", StaffTaskText.For(texts.T, """{"text":"overpayment","amount":712.50}"""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"text":"something-new"}""")]
    [InlineData("""{"text":"wrong-number"}""")]
    [InlineData("""{"kind":"reminder"}""")]
    public void NoFactsOrUnknownText_Null_SoThePageShowsTheWorkflowsText(string? details)
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Null(StaffTaskText.For(texts.T, details));
    }
}
