using Azure;
using Azure.Data.Tables;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <remarks>
/// Invoice search on Tables, which indexes only PartitionKey/RowKey. Text goes through <c>invoiceterms</c>
/// (PK = term, RK = invoice number), a prefix range per word, so a text search reads its matches only. The
/// filters and sorts read the invoice entity's own properties (Status, DueDay, OpenCents, Paused, Disputed):
/// <list type="bullet">
/// <item>number order, ascending: the service returns invoices in PartitionKey (= number) order, so the query
/// starts after the page's cursor and stops once the page is full;</item>
/// <item>due-date and open-balance order, and number descending: Tables cannot sort, so the query reads
/// those few properties (not the records) of every invoice the status filter lets through, sorts them, and reads
/// the page's records by point read. Honestly: that is a scan of the book's keys, once per page.</item>
/// </list>
/// Terms are written before the invoice and stale ones removed after it; reads check each candidate against its
/// record, so a crash in between leaves at worst an entry that reads filter out.
/// </remarks>
public sealed partial class TableCollectionsStore
{
    private static readonly string[] SearchColumns = ["PartitionKey", "Status", "DueDay", "OpenCents", "Paused", "Disputed"];

    public async Task<InvoiceSearchPage> SearchInvoicesAsync(InvoiceSearch search, CancellationToken cancellationToken)
    {
        InvoiceSearchKeys.Check(search);
        var cursor = InvoiceSearchKeys.ReadCursor(search);
        await EnsureTablesAsync(cancellationToken);
        var words = InvoiceSearchKeys.SearchWords(search.Text);
        List<Row> rows;
        if (words.Count > 0)
        {
            rows = await TextMatchesAsync(words, cancellationToken);
        }
        else
        {
            rows = [];
            var filter = search.Status is null ? null : TableClient.CreateQueryFilter($"Status eq {search.Status}");
            var stopEarly = search.Sort == InvoiceSort.Number && !search.Descending;
            if (stopEarly && cursor is { } after)
            {
                var from = TableKeys.Escape(after.Number, "search.After");
                filter = filter is null
                    ? TableClient.CreateQueryFilter($"PartitionKey gt {from}")
                    : $"({filter}) and " + TableClient.CreateQueryFilter($"PartitionKey gt {from}");
            }

            await foreach (var entity in _invoices.QueryAsync<TableEntity>(filter, select: SearchColumns, cancellationToken: cancellationToken))
            {
                var row = await RowOfAsync(entity, cancellationToken);
                if (row is not null && Matches(search, row))
                {
                    rows.Add(row);
                    if (stopEarly && rows.Count > search.PageSize)
                    {
                        break;
                    }
                }
            }
        }

        var atStage = search.Stage is null ? null : await NumbersAtStageAsync(search.Stage, cancellationToken);
        var ordered = Ordered(search, rows.Where(row => Matches(search, row) && (atStage is null || atStage.Contains(row.Number))))
            .Where(row => cursor is not { } after || IsBeyond(search, row, after))
            .Take(search.PageSize + 1)
            .ToList();
        var page = ordered.Take(search.PageSize).ToList();
        var records = await ReadInvoicesAsync(page.Select(row => row.Number), cancellationToken);
        var next = ordered.Count > search.PageSize
            ? InvoiceSearchKeys.Cursor(search, SortValue(search, page[^1]), page[^1].Number)
            : null;
        return new InvoiceSearchPage(records, next);
    }

    /// <summary>Writes the invoice's terms missing from what its stored entity lists; returns the stored terms it no
    /// longer has, for <see cref="RemoveTermsAsync"/> once the invoice itself is written.</summary>
    private async Task<IReadOnlyList<string>> IndexTermsAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        var number = TableKeys.Escape(invoice.Invoice.Number, "invoice.Number");
        var stored = await _invoices.GetEntityIfExistsAsync<TableEntity>(number, Single, select: ["Terms"], cancellationToken: cancellationToken);
        var storedTerms = stored.HasValue && stored.Value!.GetString("Terms") is { } text ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var terms = InvoiceSearchKeys.Terms(invoice);
        foreach (var term in terms.Except(storedTerms, StringComparer.Ordinal))
        {
            await _invoiceTerms.UpsertEntityAsync(new TableEntity(TableKeys.Escape(term, "term"), number), TableUpdateMode.Replace, cancellationToken);
        }

        return [.. storedTerms.Except(terms, StringComparer.Ordinal)];
    }

    private async Task RemoveTermsAsync(string invoiceNumber, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var number = TableKeys.Escape(invoiceNumber, "invoice.Number");
        foreach (var term in terms)
        {
            await _invoiceTerms.DeleteEntityAsync(TableKeys.Escape(term, "term"), number, ETag.All, cancellationToken);
        }
    }

    private async Task<List<Row>> TextMatchesAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        HashSet<string>? numbers = null;
        foreach (var word in words)
        {
            var from = TableKeys.Escape(word, "search.Text");
            var to = from + InvoiceSearchKeys.Beyond;
            var found = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var entity in _invoiceTerms.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), select: ["RowKey"], cancellationToken: cancellationToken))
            {
                found.Add(entity.RowKey);
            }

            numbers = numbers is null ? found : [.. numbers.Intersect(found)];
        }

        var rows = new List<Row>();
        foreach (var key in numbers ?? [])
        {
            var found = await _invoices.GetEntityIfExistsAsync<TableEntity>(key, Single, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                continue;
            }

            var record = TablePayload.Read<InvoiceRecord>(found.Value!);
            var terms = InvoiceSearchKeys.Terms(record);
            if (words.All(word => terms.Any(term => term.StartsWith(word, StringComparison.Ordinal))))
            {
                rows.Add(Row.Of(record));
            }
        }

        return rows;
    }

    /// <summary>The search properties of an invoice entity; an entity written before they existed is read whole.</summary>
    private async Task<Row?> RowOfAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        if (entity.GetInt64("DueDay") is { } dueDay)
        {
            return new Row(
                TableKeys.Unescape(entity.PartitionKey), entity.GetString("Status"), dueDay, entity.GetInt64("OpenCents") ?? 0,
                entity.GetBoolean("Paused") ?? false, entity.GetBoolean("Disputed") ?? false);
        }

        var record = await GetInvoiceAsync(TableKeys.Unescape(entity.PartitionKey), cancellationToken);
        return record is null ? null : Row.Of(record);
    }

    private static bool Matches(InvoiceSearch search, Row row) =>
        (search.Status is null || row.Status == search.Status)
        && (InvoiceSearchKeys.MaxDueDay(search) is not { } maxDue || row.DueDay <= maxDue)
        && (search.Paused is not { } paused || row.Paused == paused)
        && (search.Disputed is not { } disputed || row.Disputed == disputed);

    private static long SortValue(InvoiceSearch search, Row row) => InvoiceSearchKeys.SortValue(search.Sort, row.DueDay, row.OpenCents);

    private static IEnumerable<Row> Ordered(InvoiceSearch search, IEnumerable<Row> rows) => search.Descending
        ? rows.OrderByDescending(row => SortValue(search, row)).ThenByDescending(row => row.Number, CodePointOrder.Instance)
        : rows.OrderBy(row => SortValue(search, row)).ThenBy(row => row.Number, CodePointOrder.Instance);

    private static bool IsBeyond(InvoiceSearch search, Row row, (long SortValue, string Number) after)
    {
        var compared = SortValue(search, row).CompareTo(after.SortValue);
        if (compared == 0)
        {
            compared = CodePointOrder.Instance.Compare(row.Number, after.Number);
        }

        return search.Descending ? compared < 0 : compared > 0;
    }

    private sealed record Row(string Number, string? Status, long DueDay, long OpenCents, bool Paused, bool Disputed)
    {
        public static Row Of(InvoiceRecord record) => new(
            record.Invoice.Number, record.Status, InvoiceSearchKeys.DueDay(record), InvoiceSearchKeys.OpenCents(record), record.Paused is not null, record.Disputed);
    }
}
