namespace Collections.Web.Pages;

/// <summary>The pages' texts: <c>PageTexts.resx</c> (Dutch, the default) and <c>PageTexts.en.resx</c> (English), read
/// through <c>IStringLocalizer&lt;PageTexts&gt;</c> in the current UI culture that <see cref="PageResult"/> sets.</summary>
public sealed class PageTexts;
