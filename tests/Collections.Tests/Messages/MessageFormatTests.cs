using Collections.Messages;

namespace Collections.Tests.Messages;

public sealed class MessageFormatTests
{
    [Theory]
    [InlineData(1250, "nl", "€ 1.250,00")]
    [InlineData(1250, "en", "€1,250.00")]
    [InlineData(187.5, "nl", "€ 187,50")]
    [InlineData(1234567.891, "nl", "€ 1.234.567,89")]
    [InlineData(0.05, "en", "€0.05")]
    [InlineData(-40, "nl", "€ -40,00")]
    [InlineData(-40, "en", "-€40.00")]
    public void Money_Euro_IsWrittenInTheLanguagesStyle(decimal amount, string language, string expected)
    {
        Assert.Equal(expected, MessageFormat.Money(amount, "EUR", language));
    }

    [Fact]
    public void Money_CurrencyWithoutKnownSymbol_UsesTheCode()
    {
        Assert.Equal("CHF 10,00", MessageFormat.Money(10m, "CHF", "nl"));
        Assert.Equal("CHF 10.00", MessageFormat.Money(10m, "CHF", "en"));
    }

    [Theory]
    [InlineData("nl", "5 maart 2026")]
    [InlineData("en", "5 March 2026")]
    [InlineData("fr", "5 maart 2026")]
    public void LongDate_IsWrittenInFull(string language, string expected)
    {
        Assert.Equal(expected, MessageFormat.LongDate(new DateOnly(2026, 3, 5), language));
    }
}
