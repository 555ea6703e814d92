using System.Globalization;
using Collections.Storage;
using Microsoft.Data.Sqlite;

namespace Collections.Infrastructure.Storage;

/// <summary>
/// <see cref="ICollectionsStore"/> on one SQLite file (WAL). Every operation opens a pooled
/// connection and runs single statements, so the store is safe to share between concurrent
/// requests; SQLite serialises the writers. Versions are integer row versions.
/// </summary>
public sealed partial class SqliteCollectionsStore : ICollectionsStore, IDisposable
{
    // SQLITE_CONSTRAINT_UNIQUE (https://www.sqlite.org/rescode.html#constraint_unique).
    private const int UniqueConstraintFailed = 2067;

    private readonly string _connectionString;

    /// <summary>Opens (creating when missing) the store file at <paramref name="path"/> and brings its schema up to date.</summary>
    public SqliteCollectionsStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqliteSchema.Migrate(connection);
        IndexUnindexedInvoices(connection);
    }

    /// <summary>Closes this store's pooled connections so its file can be moved or deleted. Only this store's pool:
    /// clearing every pool would close connections other stores in the process are opening.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public async Task<AddResult<InvoiceRecord>> AddInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        StoreArguments.Check(invoice);
        await using var connection = await OpenAsync(cancellationToken);
        var added = await WriteInvoiceAsync(
            connection,
            invoice,
            """
            INSERT INTO invoices (number, debtor_id, status, record_json, version)
            VALUES ($number, $debtor, $status, $json, 1)
            ON CONFLICT (number) DO NOTHING;
            """,
            cancellationToken,
            ("$number", invoice.Invoice.Number),
            ("$debtor", invoice.Invoice.Debtor.Id),
            ("$status", invoice.Status),
            ("$json", StoreJson.Serialize(invoice with { Version = null })));
        var stored = await GetInvoiceAsync(connection, invoice.Invoice.Number, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice '{invoice.Invoice.Number}' vanished right after it was stored.");
        return new AddResult<InvoiceRecord>(added == 1, stored);
    }

    /// <remarks>Two prepared statements reused for the whole batch: the row with its search columns in one insert, and
    /// one insert per search term (a new number has none yet), so nothing is parsed per invoice.</remarks>
    public async Task<IReadOnlyList<AddResult<InvoiceRecord>>> AddInvoicesAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken)
    {
        StoreArguments.CheckDistinct(invoices);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = CreateCommand(
            connection,
            """
            INSERT INTO invoices (number, debtor_id, status, record_json, version, due_day, open_cents, paused, disputed, issue_day, amount_cents, indexed)
            VALUES ($number, $debtor, $status, $json, 1, $due, $open, $paused, $disputed, $issue, $amount, 1)
            ON CONFLICT (number) DO NOTHING;
            """,
            [
                ("$number", string.Empty), ("$debtor", string.Empty), ("$status", string.Empty), ("$json", string.Empty),
                ("$due", 0L), ("$open", 0L), ("$paused", 0), ("$disputed", 0), ("$issue", 0), ("$amount", 0L),
            ]);
        insert.Transaction = transaction;
        await using var term = CreateCommand(
            connection, "INSERT INTO invoice_terms (term, number) VALUES ($term, $number) ON CONFLICT DO NOTHING;", [("$term", string.Empty), ("$number", string.Empty)]);
        term.Transaction = transaction;
        await using var read = CreateCommand(connection, "SELECT record_json, version FROM invoices WHERE number = $number;", [("$number", string.Empty)]);
        read.Transaction = transaction;
        var readRecord = ReadVersioned<InvoiceRecord>((record, version) => record with { Version = version });
        var results = new List<AddResult<InvoiceRecord>>(invoices.Count);
        foreach (var invoice in invoices)
        {
            insert.Parameters["$number"].Value = invoice.Invoice.Number;
            insert.Parameters["$debtor"].Value = invoice.Invoice.Debtor.Id;
            insert.Parameters["$status"].Value = invoice.Status;
            insert.Parameters["$json"].Value = StoreJson.Serialize(invoice with { Version = null });
            insert.Parameters["$due"].Value = InvoiceSearchKeys.DueDay(invoice);
            insert.Parameters["$open"].Value = InvoiceSearchKeys.OpenCents(invoice);
            insert.Parameters["$paused"].Value = invoice.Paused is null ? 0 : 1;
            insert.Parameters["$disputed"].Value = invoice.Disputed ? 1 : 0;
            insert.Parameters["$issue"].Value = invoice.Invoice.IssueDate.DayNumber;
            insert.Parameters["$amount"].Value = InvoiceSearchKeys.Cents(invoice.Invoice.Amount);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                term.Parameters["$number"].Value = invoice.Invoice.Number;
                foreach (var word in InvoiceSearchKeys.Terms(invoice))
                {
                    term.Parameters["$term"].Value = word;
                    await term.ExecuteNonQueryAsync(cancellationToken);
                }

                results.Add(new AddResult<InvoiceRecord>(true, invoice with { Version = FormatVersion(1) }));
                continue;
            }

            read.Parameters["$number"].Value = invoice.Invoice.Number;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            results.Add(new AddResult<InvoiceRecord>(false, readRecord(reader)));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public async Task<InvoiceRecord?> GetInvoiceAsync(string number, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(number, nameof(number));
        await using var connection = await OpenAsync(cancellationToken);
        return await GetInvoiceAsync(connection, number, cancellationToken);
    }

    public async Task<InvoiceRecord> UpdateInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        StoreArguments.Check(invoice);
        var expected = ParseVersion(invoice.Version, "invoice.Version");
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await WriteInvoiceAsync(
            connection,
            invoice,
            """
            UPDATE invoices SET debtor_id = $debtor, status = $status, record_json = $json, version = version + 1
            WHERE number = $number AND version = $expected;
            """,
            cancellationToken,
            ("$number", invoice.Invoice.Number),
            ("$debtor", invoice.Invoice.Debtor.Id),
            ("$status", invoice.Status),
            ("$json", StoreJson.Serialize(invoice with { Version = null })),
            ("$expected", expected));
        ThrowIfConflict(updated, "Invoice", invoice.Invoice.Number, invoice.Version);
        return invoice with { Version = FormatVersion(expected + 1) };
    }

    public async Task<StorePage<InvoiceRecord>> ListInvoicesAsync(string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        StoreArguments.RequirePaging(page, pageSize);
        await using var connection = await OpenAsync(cancellationToken);
        var filter = status is null ? string.Empty : "WHERE status = $status";
        var parameters = status is null ? [] : new (string, object)[] { ("$status", status) };
        var total = await ScalarAsync(connection, $"SELECT COUNT(*) FROM invoices {filter};", cancellationToken, parameters);
        var items = await QueryAsync(
            connection,
            $"SELECT record_json, version FROM invoices {filter} ORDER BY number LIMIT $take OFFSET $skip;",
            ReadVersioned<InvoiceRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            [.. parameters, ("$take", pageSize), ("$skip", (long)(page - 1) * pageSize)]);
        return new StorePage<InvoiceRecord>(items, page, pageSize, (int)total);
    }

    public async Task<IReadOnlyList<InvoiceRecord>> ListInvoicesOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT record_json, version FROM invoices WHERE debtor_id = $debtor ORDER BY number;",
            ReadVersioned<InvoiceRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            ("$debtor", debtorId));
    }

    public async Task<bool> AddPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        StoreArguments.Check(payment);
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(
            connection,
            """
            INSERT INTO payments (payment_id, invoice_number, recorded_ticks, record_json)
            VALUES ($id, $invoice, $ticks, $json)
            ON CONFLICT (payment_id) DO NOTHING;
            """,
            cancellationToken,
            ("$id", payment.PaymentId),
            ("$invoice", payment.InvoiceNumber),
            ("$ticks", payment.RecordedAt.UtcTicks),
            ("$json", StoreJson.Serialize(payment))) == 1;
    }

    public async Task<IReadOnlyList<PaymentRecord>> ListPaymentsAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(invoiceNumber, nameof(invoiceNumber));
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT record_json FROM payments WHERE invoice_number = $invoice ORDER BY recorded_ticks, payment_id;",
            reader => StoreJson.Deserialize<PaymentRecord>(reader.GetString(0)),
            cancellationToken,
            ("$invoice", invoiceNumber));
    }

    public async Task<bool> AddCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(
            connection,
            """
            INSERT INTO call_tasks (id, debtor_id, status, due_ticks, record_json, version)
            VALUES ($id, $debtor, $status, $due, $json, 1)
            ON CONFLICT (id) DO NOTHING;
            """,
            cancellationToken,
            ("$id", task.Id),
            ("$debtor", task.DebtorId),
            ("$status", task.Status),
            ("$due", task.DueBy.UtcTicks),
            ("$json", StoreJson.Serialize(task with { Version = null }))) == 1;
    }

    public async Task<CallTaskRecord?> GetCallTaskAsync(string id, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(id, nameof(id));
        await using var connection = await OpenAsync(cancellationToken);
        var found = await QueryAsync(
            connection,
            "SELECT record_json, version FROM call_tasks WHERE id = $id;",
            ReadVersioned<CallTaskRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            ("$id", id));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<CallTaskRecord> UpdateCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        var expected = ParseVersion(task.Version, "task.Version");
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await ExecuteAsync(
            connection,
            """
            UPDATE call_tasks SET status = $status, due_ticks = $due, record_json = $json, version = version + 1
            WHERE id = $id AND version = $expected;
            """,
            cancellationToken,
            ("$id", task.Id),
            ("$status", task.Status),
            ("$due", task.DueBy.UtcTicks),
            ("$json", StoreJson.Serialize(task with { Version = null })),
            ("$expected", expected));
        ThrowIfConflict(updated, "Call task", task.Id, task.Version);
        return task with { Version = FormatVersion(expected + 1) };
    }

    public async Task<IReadOnlyList<CallTaskRecord>> ListOpenCallTasksAsync(DateTimeOffset? dueBy, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT record_json, version FROM call_tasks WHERE status = 'open' AND due_ticks <= $due ORDER BY due_ticks, id;",
            ReadVersioned<CallTaskRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            ("$due", dueBy?.UtcTicks ?? long.MaxValue));
    }

    public async Task<IReadOnlyList<CallTaskRecord>> ListCallTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        await using var connection = await OpenAsync(cancellationToken);
        var tasks = await QueryAsync(
            connection,
            "SELECT record_json, version FROM call_tasks WHERE debtor_id = $debtor;",
            ReadVersioned<CallTaskRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            ("$debtor", debtorId));
        return [.. tasks.OrderBy(task => task.CreatedAt.UtcTicks).ThenBy(task => task.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> AddApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        StoreArguments.Check(approval);
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await ExecuteAsync(
                connection,
                """
                INSERT INTO approvals (id, token_hash, pending, requested_ticks, record_json, version)
                VALUES ($id, $token, $pending, $requested, $json, 1)
                ON CONFLICT (id) DO NOTHING;
                """,
                cancellationToken,
                ("$id", approval.Id),
                ("$token", approval.TokenHash),
                ("$pending", approval.Decision is null),
                ("$requested", approval.RequestedAt.UtcTicks),
                ("$json", StoreJson.Serialize(approval with { Version = null }))) == 1;
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == UniqueConstraintFailed)
        {
            throw new InvalidOperationException($"approval.TokenHash is already used by another approval (adding '{approval.Id}').", exception);
        }
    }

    public async Task<ApprovalRecord?> GetApprovalAsync(string id, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(id, nameof(id));
        return await FindApprovalAsync("id = $key", id, cancellationToken);
    }

    public async Task<ApprovalRecord?> FindApprovalByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(tokenHash, nameof(tokenHash));
        return await FindApprovalAsync("token_hash = $key", tokenHash, cancellationToken);
    }

    public async Task<ApprovalRecord> UpdateApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        StoreArguments.Check(approval);
        var expected = ParseVersion(approval.Version, "approval.Version");
        await using var connection = await OpenAsync(cancellationToken);
        int updated;
        try
        {
            updated = await ExecuteAsync(
                connection,
                """
                UPDATE approvals
                SET token_hash = $token, pending = $pending, requested_ticks = $requested, record_json = $json, version = version + 1
                WHERE id = $id AND version = $expected;
                """,
                cancellationToken,
                ("$id", approval.Id),
                ("$token", approval.TokenHash),
                ("$pending", approval.Decision is null),
                ("$requested", approval.RequestedAt.UtcTicks),
                ("$json", StoreJson.Serialize(approval with { Version = null })),
                ("$expected", expected));
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == UniqueConstraintFailed)
        {
            throw new InvalidOperationException($"approval.TokenHash is already used by another approval (updating '{approval.Id}').", exception);
        }

        ThrowIfConflict(updated, "Approval", approval.Id, approval.Version);
        return approval with { Version = FormatVersion(expected + 1) };
    }

    public async Task<IReadOnlyList<ApprovalRecord>> ListPendingApprovalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT record_json, version FROM approvals WHERE pending = 1 ORDER BY requested_ticks, id;",
            ReadVersioned<ApprovalRecord>((record, version) => record with { Version = version }),
            cancellationToken);
    }

    public async Task<bool> AppendContactAsync(ContactLogEntry entry, CancellationToken cancellationToken)
    {
        StoreArguments.Check(entry);
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(
            connection,
            """
            INSERT INTO contact_log (id, invoice_number, debtor_id, at_ticks, record_json)
            VALUES ($id, $invoice, $debtor, $at, $json)
            ON CONFLICT (id) DO NOTHING;
            """,
            cancellationToken,
            ("$id", entry.Id),
            ("$invoice", entry.InvoiceNumber),
            ("$debtor", entry.DebtorId),
            ("$at", entry.At.UtcTicks),
            ("$json", StoreJson.Serialize(entry))) == 1;
    }

    public async Task<IReadOnlyList<ContactLogEntry>> ListContactsAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(invoiceNumber, nameof(invoiceNumber));
        return await ListContactsWhereAsync("invoice_number = $key", invoiceNumber, cancellationToken);
    }

    public async Task<IReadOnlyList<ContactLogEntry>> ListContactsOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        return await ListContactsWhereAsync("debtor_id = $key", debtorId, cancellationToken);
    }

    public async Task<bool> AddOutboxMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        StoreArguments.Check(message);
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(
            connection,
            """
            INSERT INTO outbox (id, stored_ticks, record_json) VALUES ($id, $stored, $json)
            ON CONFLICT (id) DO NOTHING;
            """,
            cancellationToken,
            ("$id", message.Id),
            ("$stored", message.StoredAt.UtcTicks),
            ("$json", StoreJson.Serialize(message))) == 1;
    }

    public async Task<StorePage<OutboxMessage>> ListOutboxAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        StoreArguments.RequirePaging(page, pageSize);
        await using var connection = await OpenAsync(cancellationToken);
        var total = await ScalarAsync(connection, "SELECT COUNT(*) FROM outbox;", cancellationToken);
        var items = await QueryAsync(
            connection,
            "SELECT record_json FROM outbox ORDER BY stored_ticks DESC, id LIMIT $take OFFSET $skip;",
            reader => StoreJson.Deserialize<OutboxMessage>(reader.GetString(0)),
            cancellationToken,
            ("$take", pageSize),
            ("$skip", (long)(page - 1) * pageSize));
        return new StorePage<OutboxMessage>(items, page, pageSize, (int)total);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListOutboxOfWorkflowAsync(string workflowInstanceId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(workflowInstanceId, nameof(workflowInstanceId));
        await using var connection = await OpenAsync(cancellationToken);

        // "id:" ≤ key < "id;" (';' follows ':'): a range over the primary key.
        return await QueryAsync(
            connection,
            "SELECT record_json FROM outbox WHERE id >= $from AND id < $to ORDER BY stored_ticks, id;",
            reader => StoreJson.Deserialize<OutboxMessage>(reader.GetString(0)),
            cancellationToken,
            ("$from", workflowInstanceId + ":"),
            ("$to", workflowInstanceId + ";"));
    }

    public async Task RedactAsync(StoreRedaction redaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redaction);
        StoreArguments.Check(redaction.Invoice);
        StoreArguments.Check(redaction.Audit);
        var expected = ParseVersion(redaction.Invoice.Version, "redaction.Invoice.Version");
        await using (var connection = await OpenAsync(cancellationToken))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            async Task<int> RunAsync(string sql, params (string Name, object Value)[] parameters)
            {
                await using var command = CreateCommand(connection, sql, parameters);
                command.Transaction = transaction;
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var entry in redaction.ReplacedContacts)
            {
                await RunAsync(
                    "UPDATE contact_log SET record_json = $json WHERE id = $id;",
                    ("$id", entry.Id), ("$json", StoreJson.Serialize(entry)));
            }

            foreach (var entry in redaction.RemovedContacts)
            {
                await RunAsync("DELETE FROM contact_log WHERE id = $id;", ("$id", entry.Id));
            }

            foreach (var task in redaction.ReplacedCallTasks)
            {
                await RunAsync(
                    "UPDATE call_tasks SET record_json = $json, version = version + 1 WHERE id = $id;",
                    ("$id", task.Id), ("$json", StoreJson.Serialize(task with { Version = null })));
            }

            foreach (var id in redaction.RemovedOutboxMessageIds)
            {
                await RunAsync("DELETE FROM outbox WHERE id = $id;", ("$id", id));
            }

            var updated = await RunAsync(
                "UPDATE invoices SET record_json = $json, version = version + 1 WHERE number = $number AND version = $expected;",
                ("$number", redaction.Invoice.Invoice.Number),
                ("$json", StoreJson.Serialize(redaction.Invoice with { Version = null })),
                ("$expected", expected));
            ThrowIfConflict(updated, "Invoice", redaction.Invoice.Invoice.Number, redaction.Invoice.Version);

            // The search terms hold the debtor's name: they are rebuilt from the redacted record.
            await IndexInvoiceAsync(connection, transaction, redaction.Invoice, cancellationToken);
            var audit = redaction.Audit;
            await RunAsync(
                """
                INSERT INTO contact_log (id, invoice_number, debtor_id, at_ticks, record_json)
                VALUES ($id, $invoice, $debtor, $at, $json)
                ON CONFLICT (id) DO NOTHING;
                """,
                ("$id", audit.Id), ("$invoice", audit.InvoiceNumber), ("$debtor", audit.DebtorId), ("$at", audit.At.UtcTicks), ("$json", StoreJson.Serialize(audit)));
            await transaction.CommitAsync(cancellationToken);

            // The old page images of what was just overwritten still sit in the WAL: copy it into the file and empty it.
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }

    public async Task<bool> TryMarkProcessedAsync(string scope, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(scope, nameof(scope));
        StoreArguments.RequireKey(id, nameof(id));
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(
            connection,
            "INSERT INTO processed (scope, id, at) VALUES ($scope, $id, $at) ON CONFLICT (scope, id) DO NOTHING;",
            cancellationToken,
            ("$scope", scope),
            ("$id", id),
            ("$at", at.ToString("O", CultureInfo.InvariantCulture))) == 1;
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        StoreArguments.RequireKey(holder, nameof(holder));
        await using var connection = await OpenAsync(cancellationToken);
        // One statement, so the check and the take are atomic across every process writing the file.
        return await ExecuteAsync(
            connection,
            """
            INSERT INTO leases (name, holder, until_ticks) VALUES ($name, $holder, $until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ticks = excluded.until_ticks
            WHERE leases.until_ticks <= $now OR leases.holder = excluded.holder;
            """,
            cancellationToken,
            ("$name", name),
            ("$holder", holder),
            ("$until", until.UtcTicks),
            ("$now", now.UtcTicks)) == 1;
    }

    public async Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        StoreArguments.RequireKey(holder, nameof(holder));
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(
            connection, "DELETE FROM leases WHERE name = $name AND holder = $holder;", cancellationToken, ("$name", name), ("$holder", holder));
    }

    public async Task<SharedValue?> GetSharedValueAsync(string name, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        await using var connection = await OpenAsync(cancellationToken);
        var found = await QueryAsync(
            connection,
            "SELECT value, version FROM shared_values WHERE name = $name;",
            reader => new SharedValue(reader.GetString(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture)),
            cancellationToken,
            ("$name", name));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> TrySetSharedValueAsync(string name, string value, string? expectedVersion, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        ArgumentNullException.ThrowIfNull(value);
        await using var connection = await OpenAsync(cancellationToken);
        return expectedVersion is null
            ? await ExecuteAsync(
                connection,
                "INSERT INTO shared_values (name, value, version) VALUES ($name, $value, 1) ON CONFLICT (name) DO NOTHING;",
                cancellationToken,
                ("$name", name),
                ("$value", value)) == 1
            : await ExecuteAsync(
                connection,
                "UPDATE shared_values SET value = $value, version = version + 1 WHERE name = $name AND version = $version;",
                cancellationToken,
                ("$name", name),
                ("$value", value),
                ("$version", long.Parse(expectedVersion, CultureInfo.InvariantCulture))) == 1;
    }

    public async Task RecordSentMessageAsync(string providerMessageId, string tag, DateTimeOffset at, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(providerMessageId, nameof(providerMessageId));
        StoreArguments.RequireKey(tag, nameof(tag));
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(
            connection,
            "INSERT INTO sent_messages (provider_message_id, tag, at) VALUES ($id, $tag, $at) ON CONFLICT (provider_message_id) DO NOTHING;",
            cancellationToken,
            ("$id", providerMessageId),
            ("$tag", tag),
            ("$at", at.ToString("O", CultureInfo.InvariantCulture)));
    }

    public async Task<string?> FindSentMessageTagAsync(string providerMessageId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(providerMessageId, nameof(providerMessageId));
        await using var connection = await OpenAsync(cancellationToken);
        var found = await QueryAsync(
            connection,
            "SELECT tag FROM sent_messages WHERE provider_message_id = $id;",
            reader => reader.GetString(0),
            cancellationToken,
            ("$id", providerMessageId));
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<InvoiceRecord?> GetInvoiceAsync(SqliteConnection connection, string number, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            connection,
            "SELECT record_json, version FROM invoices WHERE number = $number;",
            ReadVersioned<InvoiceRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            ("$number", number));
        return found.Count == 0 ? null : found[0];
    }

    private async Task<ApprovalRecord?> FindApprovalAsync(string condition, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var found = await QueryAsync(
            connection,
            $"SELECT record_json, version FROM approvals WHERE {condition};",
            ReadVersioned<ApprovalRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            ("$key", key));
        return found.Count == 0 ? null : found[0];
    }

    private async Task<IReadOnlyList<ContactLogEntry>> ListContactsWhereAsync(string condition, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            $"SELECT record_json FROM contact_log WHERE {condition} ORDER BY at_ticks, id;",
            reader => StoreJson.Deserialize<ContactLogEntry>(reader.GetString(0)),
            cancellationToken,
            ("$key", key));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // Deleted and overwritten content is zeroed, not just unlinked, so erased personal data cannot be read back
        // from the file (https://www.sqlite.org/pragma.html#pragma_secure_delete). A writer that finds the file locked
        // waits in SQLite's own busy handler, a few milliseconds at a time, up to the command timeout: without it
        // Microsoft.Data.Sqlite retries after Thread.Sleep(150) on a pool thread (SqliteDataReader.NextResult), which made
        // the intake's p99 769 ms (docs/performance.md). Both per connection, hence on every open.
        await ExecuteAsync(connection, "PRAGMA secure_delete = ON; PRAGMA busy_timeout = 30000;", cancellationToken);
        return connection;
    }

    private static Func<SqliteDataReader, T> ReadVersioned<T>(Func<T, string, T> withVersion) =>
        reader => withVersion(StoreJson.Deserialize<T>(reader.GetString(0)), FormatVersion(reader.GetInt64(1)));

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long ParseVersion(string? version, string field)
    {
        var text = StoreArguments.RequireVersion(version, field);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            throw new ArgumentException($"{field} '{text}' is not a version this store issued.", field);
        }

        return parsed;
    }

    private static void ThrowIfConflict(int updatedRows, string kind, string key, string? version)
    {
        if (updatedRows == 0)
        {
            throw new StoreConflictException($"{kind} '{key}' was changed or removed since version {version} was read.");
        }
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = CreateCommand(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(
        SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = CreateCommand(connection, sql, parameters);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(
        SqliteConnection connection,
        string sql,
        Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = CreateCommand(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return items;
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
