using Collections.Server.Tests.Support;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

/// <summary>The workflow's notes and call outcomes are told in the page's language from their facts; others keep their text.</summary>
public sealed class WorkflowNoteTextTests
{
    [Theory]
    [InlineData("""{"text":"amended","amount":1000,"due":"2026-03-03","balance":1000}""", "Factuur gewijzigd: bedrag € 1.000,00, vervaldatum 3 maart 2026; nog open: € 1.000,00.")]
    [InlineData("""{"text":"promise-not-met","date":"2026-03-18"}""", "Toezegging om uiterlijk 18 maart 2026 te betalen niet nagekomen.")]
    [InlineData("""{"text":"instalment-missed","amount":600,"due":"2026-04-01"}""", "Termijn van € 600,00 met vervaldatum 1 april 2026 gemist.")]
    [InlineData("""{"text":"term-ended-costs-due","lastDay":"2026-04-30","costs":187.5}""", "Termijn van de laatste aanmaning verstreken op 30 april 2026: de incassokosten van € 187,50 zijn nu verschuldigd.")]
    [InlineData("""{"text":"credited-credit-note","creditNote":"C-7","amount":250,"balance":1000}""", "Creditnota C-7: € 250,00 gecrediteerd; nog open: € 1.000,00.")]
    [InlineData("""{"text":"credited-dispute-resolved","note":"korting afgesproken","amount":50,"balance":0}""", "Geschil opgelost (korting afgesproken): € 50,00 gecrediteerd; nog open: € 0,00.")]
    [InlineData("""{"text":"policy-migrated","from":"2026-01","to":"2026-03"}""", "Beleid gewijzigd van 2026-01 naar 2026-03.")]
    [InlineData("""{"text":"contact-updated"}""", "Contactgegevens bijgewerkt.")]
    [InlineData("""{"text":"call-outcome","outcome":"promise-to-pay","promisedDate":"2026-03-18"}""", "Belooft te betalen, uiterlijk 18 maart 2026")]
    [InlineData("""{"text":"call-outcome","outcome":"payment-plan","instalments":3}""", "Betalingsregeling in 3 termijnen")]
    [InlineData("""{"text":"call-outcome","outcome":"dispute","reason":"bedrag klopt niet"}""", "Geschil (bedrag klopt niet)")]
    [InlineData("""{"text":"call-outcome","outcome":"no-answer"}""", "Geen gehoor")]
    public void Dutch_FromTheFacts(string facts, string expected)
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Equal(expected, WorkflowNoteText.For(texts.T, facts));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"text":"amended","amount":1000}""")]
    [InlineData("""{"text":"something-new"}""")]
    [InlineData("""{"paymentId":"tr_1"}""")]
    public void NoFactsOrUnknownText_Null_SoThePageShowsTheStoredText(string? facts)
    {
        using var texts = PageTextsInLanguage.Dutch();

        Assert.Null(WorkflowNoteText.For(texts.T, facts));
    }
}
