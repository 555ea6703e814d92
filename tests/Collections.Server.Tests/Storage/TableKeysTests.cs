using Collections.Infrastructure.Storage;

namespace Collections.Server.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("F/2026#1?", "F%2F2026%231%3F")]
    [InlineData("a\\b%c", "a%5Cb%25c")]
    [InlineData("tab\there\u0001\u007f\u009f", "tab%09here%01%7F%9F")]
    [InlineData("Fäktüra-请款-😀", "Fäktüra-请款-😀")]
    public void Escape_DisallowedCharacters_BecomeHexAndRoundTrip(string value, string key)
    {
        Assert.Equal(key, TableKeys.Escape(value, "number"));
        Assert.Equal(value, TableKeys.Unescape(key));
    }

    [Fact]
    public void Escape_LongerThanOneKibibyte_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => TableKeys.Escape(new string('/', 200), "invoice.Number"));

        Assert.Equal("invoice.Number", error.ParamName);
    }
}
