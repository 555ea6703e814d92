using Microsoft.Extensions.Localization;

namespace Collections.Web.Pages;

/// <summary>The people's names for the workflow's codes (a stage, what it waits for, how it ended) in the page's
/// language; the code itself where no name exists yet, so a new one still shows.</summary>
internal static class PageLabels
{
    /// <summary><c>wait-for-due-date</c> → "Wacht op de vervaldatum".</summary>
    public static string Stage(IStringLocalizer texts, string code) => Label(texts, "stage", code);

    /// <summary>What a workflow waits for, by its event name (<c>invoice-event</c>).</summary>
    public static string Awaited(IStringLocalizer texts, string eventName) => Label(texts, "awaited", eventName);

    /// <summary>How a workflow ended (<c>handed-over</c>).</summary>
    public static string Result(IStringLocalizer texts, string code) => Label(texts, "result", code);

    /// <summary>The name of a code in its group of texts (<c>script.first-contact</c> → "eerste contact"), or the code itself.</summary>
    public static string Label(IStringLocalizer texts, string group, string code)
    {
        var label = texts[$"{group}.{code}"];
        return label.ResourceNotFound ? code : label.Value;
    }
}
