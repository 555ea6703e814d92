using Collections.Messages;

namespace Collections.Tests.Messages;

public sealed class MessageLanguageTests
{
    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("nl-BE", "nl")]
    [InlineData("EN", "en")]
    [InlineData("en_GB", "en")]
    [InlineData("de", "nl")]
    [InlineData("", "nl")]
    [InlineData(null, "nl")]
    public void Resolve_AnyInput_GivesASupportedLanguageDefaultingToDutch(string? input, string expected)
    {
        Assert.Equal(expected, MessageLanguage.Resolve(input));
    }
}
