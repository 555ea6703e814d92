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
    public void Dutch_CheckProblems_EachToldInDutchAndJoined()
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Equal(
            "Contactgegevens controleren (het herinneren gaat verder via het andere kanaal): geen telefoonnummer voor het voorkeurskanaal; " +
            "e-mailadres 'jan@@example' is onbruikbaar: het is geen geldig e-mailadres.",
            StaffTaskText.For(texts.T, """
                {"text":"contact-data","problems":[{"code":"no-contact","facts":{"field":"phone"}},
                 {"code":"unusable-contact","facts":{"field":"email","value":"jan@@example","reason":"invalid"}}]}
                """));
        Assert.Equal(
            "Eerst controleren, er wordt nog niet herinnerd: het bedrag € 0,00 is niet positief; de vervaldatum 1 januari 2026 ligt vóór de factuurdatum 1 februari 2026.",
            StaffTaskText.For(texts.T, """
                {"text":"check-before-chasing","problems":[{"code":"amount-not-positive","facts":{"amount":"0"}},
                 {"code":"due-before-issue","facts":{"due":"2026-01-01","issue":"2026-02-01"}}]}
                """));
        Assert.Equal(
            "Contactgegevens controleren (het herinneren gaat verder via het andere kanaal): telefoonnummer 020 123 4567 is een vast nummer en kan geen sms ontvangen, dus berichten gaan per e-mail.",
            StaffTaskText.For(texts.T, """{"text":"contact-data","problems":[{"code":"landline-for-sms","facts":{"value":"+31201234567"}}]}"""));
        Assert.Equal(
            "Betaling controleren: betaling tr_9 van USD 100,00 is niet in de valuta van de factuur (EUR) en is niet meegeteld.",
            StaffTaskText.For(texts.T, """{"text":"payment-to-check","problems":[{"code":"foreign-payment","facts":{"paymentId":"tr_9","amount":"100.00","currency":"USD","invoiceCurrency":"EUR"}}]}"""));
        // One problem without a Dutch text: the whole task keeps the workflow's text rather than half a sentence.
        Assert.Null(StaffTaskText.For(texts.T, """{"text":"contact-data","problems":[{"code":"no-contact","facts":{"field":"phone"}},{"code":"new-problem","facts":{}}]}"""));
    }

    [Fact]
    public void Dutch_DeliveryDisputeAndFinalNoticePolicy()
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Equal(
            "De sms aan 06 12345678 kwam niet aan (Undeliverable): controleer de contactgegevens.",
            StaffTaskText.For(texts.T, """{"text":"delivery-failed","channel":"sms","address":"+31612345678","reason":"Undeliverable"}"""));
        Assert.Equal(
            "De e-mail aan jan@example.nl kwam niet aan: controleer de contactgegevens.",
            StaffTaskText.For(texts.T, """{"text":"delivery-failed","channel":"email","address":"jan@example.nl"}"""));
        Assert.Equal("Betwisting: bedrag klopt niet. Het herinneren staat stil tot die is opgelost.", StaffTaskText.For(texts.T, """{"text":"dispute","reason":"bedrag klopt niet"}"""));
        Assert.Equal(
            "De klant stelde een betalingsregeling voor (€ 1.250,00 in 3 termijnen, de laatste op 1 juni 2026) terwijl er een betwisting openstaat: spreek die met de klant af zodra de betwisting is opgelost.",
            StaffTaskText.For(texts.T, """{"text":"plan-during-dispute","total":1250.00,"instalments":3,"lastDue":"2026-06-01"}"""));
        Assert.Equal(
            "De laatste aanmaning is niet verstuurd: met finalNotice.deadlineMarginDays 0 (beleid 2026-03) zou de laatste betaaldag 15 april 2026 minder dan 15 dagen na vandaag liggen. Pas het beleid aan (en migreer deze factuur) of beslis hoe het verder gaat.",
            StaffTaskText.For(texts.T, """{"text":"final-notice-policy","marginDays":0,"policy":"2026-03","deadline":"2026-04-15","minimumDays":15}"""));
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
