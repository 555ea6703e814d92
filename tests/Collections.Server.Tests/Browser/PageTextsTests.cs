using System.Collections;
using System.Globalization;
using System.Resources;
using Collections.Server.Tests.Support;
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
            var dutch = StageIn(PageTextsInLanguage.Dutch(), stage);
            Assert.NotEqual(stage, dutch);
            Assert.NotEqual(dutch, StageIn(PageTextsInLanguage.English(), stage));
        });
        Assert.Equal("Wacht op goedkeuring voor overdracht", StageIn(PageTextsInLanguage.Dutch(), "hand-over-approval"));
    }

    private static string StageIn(PageTextsInLanguage language, string stage)
    {
        using (language)
        {
            return PageLabels.Stage(language.T, stage);
        }
    }

    private static List<string> Keys(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
}
