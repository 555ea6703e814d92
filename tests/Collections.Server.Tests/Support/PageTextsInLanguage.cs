using System.Globalization;
using Collections.Web.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Collections.Server.Tests.Support;

/// <summary>The pages' texts as a page rendered in one language reads them: the localizer the pages inject, with the
/// current culture set to the language's (as PageResult sets it) until disposed.</summary>
internal sealed class PageTextsInLanguage : IDisposable
{
    private static readonly IStringLocalizer<PageTexts> Localizer =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<PageTexts>>();

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private PageTextsInLanguage(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    public IStringLocalizer T => Localizer;

    public static PageTextsInLanguage Dutch() => new("nl-NL");

    public static PageTextsInLanguage English() => new("en-GB");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
