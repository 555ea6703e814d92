using System.Collections;
using System.Globalization;
using System.Resources;
using Collections.Web.Pages;

namespace Collections.Server.Tests.Browser;

public sealed class PageTextsTests
{
    [Fact]
    public void Texts_DutchAndEnglishResources_HaveTheSameKeys()
    {
        var resources = new ResourceManager(typeof(PageTexts));

        var dutch = Keys(resources, CultureInfo.InvariantCulture);
        var english = Keys(resources, CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(dutch);
        Assert.Equal(dutch, english);
    }

    private static List<string> Keys(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
}
