namespace Collections.Tests.Messages;

/// <summary>The R4 check must be able to fail: it recognises the numbering it is meant to forbid.</summary>
public sealed class NumberingWordsTests
{
    [Theory]
    [InlineData("Tweede herinnering factuur 2026-0042")]
    [InlineData("Dit is herinnering 2")]
    [InlineData("LAATSTE HERINNERING")]
    [InlineData("laatste aanmaning")]
    [InlineData("2e aanmaning")]
    [InlineData("Second reminder")]
    [InlineData("3rd notice")]
    [InlineData("Reminder #3")]
    [InlineData("final reminder before collection")]
    public void Appear_NumberedReminder_IsRecognised(string text)
    {
        Assert.True(NumberingWords.Appear(text));
    }

    [Theory]
    [InlineData("Op 5 maart 2026 stuurden wij u een e-mail over deze factuur.")]
    [InlineData("On 5 March 2026 we sent you an email about this invoice.")]
    [InlineData("Factuur 2026-0042 staat nog open")]
    public void Appear_ContactReferredToByDate_IsNotNumbering(string text)
    {
        Assert.False(NumberingWords.Appear(text));
    }
}
