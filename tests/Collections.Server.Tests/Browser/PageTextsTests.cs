using Collections.Web.Pages;

namespace Collections.Server.Tests.Browser;

public sealed class PageTextsTests
{
    [Fact]
    public void Texts_DutchAndEnglish_HaveTheSameKeys()
    {
        var dutch = Texts.Keys(Texts.Dutch).Order(StringComparer.Ordinal).ToList();
        var english = Texts.Keys(Texts.English).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(dutch, english);
    }
}
