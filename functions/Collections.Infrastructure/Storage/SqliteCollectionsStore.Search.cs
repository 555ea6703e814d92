using System.Globalization;
using System.Text;
using Collections.Storage;
using Microsoft.Data.Sqlite;

namespace Collections.Infrastructure.Storage;

/// <remarks>
/// Invoice search. Each filter and sort is a column of <c>invoices</c> with an index that serves it
/// (docs/store.md lists which); text matches go through <c>invoice_terms</c> (term, number), one row per word
/// of the number, debtor name, debtor id and reference, searched as a prefix range. Pages are keyset pages:
/// <c>(sort column, number) &gt; (last row's)</c>, so a page reads its own rows, not the rows before it.
/// </remarks>
public sealed partial class SqliteCollectionsStore
{
    public async Task<InvoiceSearchPage> SearchInvoicesAsync(InvoiceSearch search, CancellationToken cancellationToken)
    {
        InvoiceSearchKeys.Check(search);
        var (sql, parameters) = SearchQuery(search);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(
            connection,
            sql,
            reader => (
                Record: StoreJson.Deserialize<InvoiceRecord>(reader.GetString(0)) with { Version = FormatVersion(reader.GetInt64(1)) },
                SortValue: InvoiceSearchKeys.SortValue(search.Sort, reader.GetInt64(2), reader.GetInt64(3))),
            cancellationToken,
            parameters);
        var page = rows.Take(search.PageSize).ToList();
        var next = rows.Count > search.PageSize
            ? InvoiceSearchKeys.Cursor(search, page[^1].SortValue, page[^1].Record.Invoice.Number)
            : null;
        return new InvoiceSearchPage([.. page.Select(row => row.Record)], next);
    }

    /// <summary>The search as one statement (also what the plan tests explain).</summary>
    internal static (string Sql, (string Name, object Value)[] Parameters) SearchQuery(InvoiceSearch search)
    {
        var conditions = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        void Where(string condition, params (string Name, object Value)[] values)
        {
            conditions.Add(condition);
            parameters.AddRange(values);
        }

        if (search.Status is { } status)
        {
            Where("status = $status", ("$status", status));
        }

        if (search.Stage is { } stage)
        {
            Where("stage = $stage", ("$stage", stage));
        }

        if (InvoiceSearchKeys.MaxDueDay(search) is { } maxDueDay)
        {
            Where("due_day <= $maxDue", ("$maxDue", maxDueDay));
        }

        if (search.Paused is { } paused)
        {
            Where("paused = $paused", ("$paused", paused ? 1 : 0));
        }

        if (search.Disputed is { } disputed)
        {
            Where("disputed = $disputed", ("$disputed", disputed ? 1 : 0));
        }

        var source = "invoices";
        var words = InvoiceSearchKeys.SearchWords(search.Text);
        if (words.Count > 0)
        {
            var matches = words.Select((word, index) =>
            {
                parameters.Add(($"$w{index}", word));
                parameters.Add(($"$w{index}end", word + InvoiceSearchKeys.Beyond));
                return $"SELECT number FROM invoice_terms WHERE term >= $w{index} AND term < $w{index}end";
            });
            // CROSS JOIN keeps the matches as the outer loop: each is looked up by number, whatever the filters.
            source = $"({string.Join(" INTERSECT ", matches)}) AS matches CROSS JOIN invoices ON invoices.number = matches.number";
        }

        var column = search.Sort switch
        {
            InvoiceSort.DueDate => "due_day",
            InvoiceSort.OpenBalance => "open_cents",
            _ => null,
        };
        var direction = search.Descending ? "DESC" : "ASC";
        var beyond = search.Descending ? "<" : ">";
        if (InvoiceSearchKeys.ReadCursor(search) is { } cursor)
        {
            parameters.Add(("$afterNumber", cursor.Number));
            if (column is null)
            {
                conditions.Add($"invoices.number {beyond} $afterNumber");
            }
            else
            {
                parameters.Add(("$afterValue", cursor.SortValue));
                conditions.Add($"({column}, invoices.number) {beyond} ($afterValue, $afterNumber)");
            }
        }

        parameters.Add(("$take", search.PageSize + 1));
        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        var order = column is null ? $"invoices.number {direction}" : $"{column} {direction}, invoices.number {direction}";
        return ($"SELECT record_json, version, due_day, open_cents FROM {source} {where} ORDER BY {order} LIMIT $take;", [.. parameters]);
    }

    /// <summary>Runs the invoice's INSERT or UPDATE and, when it changed a row, rewrites the row's search columns and
    /// terms in the same transaction, so a search never sees a record without its index.</summary>
    private static async Task<int> WriteInvoiceAsync(
        SqliteConnection connection, InvoiceRecord invoice, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        int changed;
        await using (var command = CreateCommand(connection, sql, parameters))
        {
            command.Transaction = transaction;
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (changed == 1)
        {
            await IndexInvoiceAsync(connection, transaction, invoice, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static async Task IndexInvoiceAsync(SqliteConnection connection, SqliteTransaction transaction, InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        var (sql, parameters) = IndexStatements(invoice);
        await using var command = CreateCommand(connection, sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Indexes rows stored before the search columns existed (or by an older build): once, when the file is opened.</summary>
    private static void IndexUnindexedInvoices(SqliteConnection connection)
    {
        while (true)
        {
            var records = new List<InvoiceRecord>();
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT record_json FROM invoices WHERE indexed = 0 LIMIT 500;";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    records.Add(StoreJson.Deserialize<InvoiceRecord>(reader.GetString(0)));
                }
            }

            if (records.Count == 0)
            {
                return;
            }

            using var transaction = connection.BeginTransaction();
            foreach (var record in records)
            {
                var (sql, parameters) = IndexStatements(record);
                using var command = CreateCommand(connection, sql, parameters);
                command.Transaction = transaction;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static (string Sql, (string Name, object Value)[] Parameters) IndexStatements(InvoiceRecord invoice)
    {
        var sql = new StringBuilder(
            """
            UPDATE invoices SET due_day = $due, open_cents = $open, paused = $paused, disputed = $disputed,
                issue_day = $issue, amount_cents = $amount, indexed = 1 WHERE number = $number;
            DELETE FROM invoice_terms WHERE number = $number;
            """);
        var parameters = new List<(string Name, object Value)>
        {
            ("$number", invoice.Invoice.Number),
            ("$due", InvoiceSearchKeys.DueDay(invoice)),
            ("$open", InvoiceSearchKeys.OpenCents(invoice)),
            ("$issue", invoice.Invoice.IssueDate.DayNumber),
            ("$amount", InvoiceSearchKeys.Cents(invoice.Invoice.Amount)),
            ("$paused", invoice.Paused is null ? 0 : 1),
            ("$disputed", invoice.Disputed ? 1 : 0),
        };
        var terms = InvoiceSearchKeys.Terms(invoice);
        if (terms.Count > 0)
        {
            sql.Append("INSERT INTO invoice_terms (term, number) VALUES ")
                .AppendJoin(", ", terms.Select((_, index) => string.Create(CultureInfo.InvariantCulture, $"($t{index}, $number)")))
                .Append(';');
            parameters.AddRange(terms.Select((term, index) => (string.Create(CultureInfo.InvariantCulture, $"$t{index}"), (object)term)));
        }

        return (sql.ToString(), [.. parameters]);
    }
}
