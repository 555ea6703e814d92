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

    [Fact]
    public void Texts_EveryWorkflowStage_HasAName_InBothLanguages()
    {
        var resources = new ResourceManager(typeof(PageTexts));
        var stages = Enum.GetValues<Collections.Workflow.InvoiceStage>().Select(stage => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString()));

        Assert.All(stages, stage =>
        {
            Assert.NotNull(resources.GetString("stage." + stage, CultureInfo.InvariantCulture));
            Assert.NotEqual(stage, Texts.For(Texts.Dutch).Stage(stage));
            Assert.NotEqual(Texts.For(Texts.Dutch).Stage(stage), Texts.For(Texts.English).Stage(stage));
        });
        Assert.Equal("Wacht op goedkeuring voor overdracht", Texts.For(Texts.Dutch).Stage("hand-over-approval"));
    }

    private static List<string> Keys(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
}
