using Microsoft.Extensions.Localization;

namespace Collections.Web.Pages;

/// <summary>A sentence for a page, as a text key and its values, so it is written in the language the page renders
/// in (the endpoint decides what to say before the page's culture is set). A value that is itself a
/// <see cref="PageMessage"/> is written first, in the same language.</summary>
public sealed record PageMessage(string Key, params object?[] Values)
{
    public string Text(IStringLocalizer texts) =>
        texts[Key, Values.Select(value => value is PageMessage inner ? inner.Text(texts) : value).ToArray()!];
}
