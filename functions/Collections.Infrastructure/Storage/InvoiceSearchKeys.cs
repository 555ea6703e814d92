using System.Globalization;
using System.Text;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <summary>
/// What both stores index an invoice by for <see cref="ICollectionsStore.SearchInvoicesAsync"/>: its search terms
/// (lower-cased words of the number, debtor name, debtor id and customer reference, each matched by prefix), the
/// columns the filters and sorts read, and the keyset cursor that pages through them.
/// </summary>
internal static class InvoiceSearchKeys
{
    private const int MaxTermLength = 64;

    /// <summary>Above every character a term can continue with, so <c>term ≥ w and term &lt; w + Beyond</c> is "starts with w".</summary>
    public const string Beyond = "\uffff";

    public static IReadOnlyList<string> Terms(InvoiceRecord record)
    {
        var invoice = record.Invoice;
        var wholeValues = new[] { invoice.Number, invoice.Debtor.Id, invoice.CustomerReference }
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => Shortened(value!.Trim().ToLowerInvariant()));
        return [.. new[] { invoice.Number, invoice.Debtor.Name, invoice.Debtor.Id, invoice.CustomerReference }
            .SelectMany(Words)
            .Concat(wholeValues)
            .Where(term => !term.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The words of a search text: split at white space only, lower-cased, so "F-2026-001" or "D-2" is
    /// matched as typed (against the whole number or id) and "jans bak" word by word.</summary>
    public static IReadOnlyList<string> SearchWords(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Shortened).Distinct(StringComparer.Ordinal)];

    private static string Shortened(string term) => term.Length > MaxTermLength ? term[..MaxTermLength] : term;

    /// <summary>The words of an indexed value: runs of letters and digits, lower-cased.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var character in text.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
                continue;
            }

            if (word.Length > 0)
            {
                words.Add(word.Length > MaxTermLength ? word.ToString(0, MaxTermLength) : word.ToString());
                word.Clear();
            }
        }

        return words;
    }

    public static long DueDay(InvoiceRecord record) => record.Invoice.DueDate.DayNumber;

    public static long OpenCents(InvoiceRecord record) => Cents(record.OpenBalance);

    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m);

    /// <summary>The value the search sorts by (ties by number); 0 when sorting by number alone.</summary>
    public static long SortValue(InvoiceSort sort, long dueDay, long openCents) => sort switch
    {
        InvoiceSort.DueDate => dueDay,
        InvoiceSort.OpenBalance => openCents,
        _ => 0,
    };

    /// <summary>The latest due day an invoice may have to be at least <see cref="InvoiceSearch.MinDaysOverdue"/> overdue.</summary>
    public static long? MaxDueDay(InvoiceSearch search) => search.MinDaysOverdue is { } days ? search.Today.DayNumber - days : null;

    public static void Check(InvoiceSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(search), search.PageSize, "search.PageSize must be between 1 and 1000.");
        }

        if (search.MinDaysOverdue is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(search), search.MinDaysOverdue, "search.MinDaysOverdue cannot be negative.");
        }
    }

    /// <summary>The token for "after this invoice in this order": opaque to callers, refused by a search in another order.</summary>
    public static string Cursor(InvoiceSearch search, long sortValue, string number) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Order(search)}|{sortValue}|{number}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <returns>The sort value and number the page starts after; null for the first page.</returns>
    public static (long SortValue, string Number)? ReadCursor(InvoiceSearch search)
    {
        if (search.After is null)
        {
            return null;
        }

        try
        {
            var base64 = search.After.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = text.Split('|', 3);
            if (parts.Length == 3 && parts[0] == Order(search)
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return (value, parts[2]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the refusal below.
        }

        throw new ArgumentException("search.After is not a continuation token of a search in this order.", nameof(search));
    }

    private static string Order(InvoiceSearch search) => $"{search.Sort}{(search.Descending ? "-desc" : string.Empty)}";
}
