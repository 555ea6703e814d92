using System.Globalization;
using System.Text.Json;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Web.Staff;

/// <summary>The invoice list's query string (a GET form, so a search is a link that can be shared and reloaded).</summary>
internal static class InvoiceListForm
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> Statuses = ["open", "paid", "cancelled", "handed-over", "closed-by-staff"];

    /// <summary>The workflow's stages by their codes, in ladder order, as the store records them.</summary>
    public static readonly IReadOnlyList<string> Stages =
        [.. Enum.GetValues<InvoiceStage>().Select(stage => JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString()))];

    public static (InvoiceSearch Search, string? Error) Read(IQueryCollection query, DateOnly today)
    {
        string? Value(string name) => query[name].ToString().Trim() is { Length: > 0 } value ? value : null;
        bool? YesNo(string name) => Value(name) switch { "yes" => true, "no" => false, _ => null };
        string? error = null;
        int? overdue = null;
        if (Value("overdue") is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 10_000)
            {
                overdue = days;
            }
            else
            {
                error = "overdue";
            }
        }

        var sort = Value("sort") switch { "balance" => InvoiceSort.OpenBalance, "number" => InvoiceSort.Number, _ => InvoiceSort.DueDate };
        var status = Value("status") is { } given && Statuses.Contains(given) ? given : null;
        var stage = Value("stage") is { } named && Stages.Contains(named) ? named : null;
        var search = new InvoiceSearch(
            today, Value("q"), status, overdue, YesNo("paused"), YesNo("disputed"), sort, Value("order") == "desc", PageSize, Value("after"), stage);
        return (search, error is null ? null : "overdue");
    }
}
