using System.Globalization;
using Collections.Storage;

namespace Collections.Web.Staff;

/// <summary>A search of the invoice list as its address, in the query names <see cref="InvoiceListForm"/> reads.</summary>
internal static class InvoiceListLinks
{
    public static string For(InvoiceSearch search)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", search.Text);
        Add("status", search.Status);
        Add("stage", search.Stage);
        Add("overdue", search.MinDaysOverdue?.ToString(CultureInfo.InvariantCulture));
        Add("paused", YesNo(search.Paused));
        Add("disputed", YesNo(search.Disputed));
        Add("sort", SortName(search.Sort));
        Add("order", search.Descending ? "desc" : null);
        Add("after", search.After);
        return "/staff/invoices?" + string.Join("&", parts);
    }

    public static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    public static string SortName(InvoiceSort sort) => sort switch { InvoiceSort.OpenBalance => "balance", InvoiceSort.Number => "number", _ => "due" };
}
