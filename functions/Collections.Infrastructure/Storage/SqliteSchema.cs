using Microsoft.Data.Sqlite;

namespace Collections.Infrastructure.Storage;

/// <summary>
/// The SQLite store's schema as numbered migrations. Opening a store applies the ones its file
/// has not seen yet (recorded in <c>schema_version</c>) inside one immediate transaction, so two
/// processes opening the same file at once migrate it once.
/// </summary>
internal static class SqliteSchema
{
    // Each record is stored whole as JSON (record_json, Version left out); the other columns
    // exist to be indexed, filtered or sorted on. *_ticks columns hold UTC ticks for ordering.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE invoices (
            number TEXT NOT NULL PRIMARY KEY,
            debtor_id TEXT NOT NULL,
            status TEXT NOT NULL,
            record_json TEXT NOT NULL,
            version INTEGER NOT NULL);
        CREATE INDEX ix_invoices_status ON invoices (status, number);
        CREATE INDEX ix_invoices_debtor ON invoices (debtor_id, number);

        CREATE TABLE payments (
            payment_id TEXT NOT NULL PRIMARY KEY,
            invoice_number TEXT NOT NULL,
            recorded_ticks INTEGER NOT NULL,
            record_json TEXT NOT NULL);
        CREATE INDEX ix_payments_invoice ON payments (invoice_number, recorded_ticks, payment_id);

        CREATE TABLE call_tasks (
            id TEXT NOT NULL PRIMARY KEY,
            status TEXT NOT NULL,
            due_ticks INTEGER NOT NULL,
            record_json TEXT NOT NULL,
            version INTEGER NOT NULL);
        CREATE INDEX ix_call_tasks_status_due ON call_tasks (status, due_ticks, id);

        CREATE TABLE approvals (
            id TEXT NOT NULL PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            pending INTEGER NOT NULL,
            requested_ticks INTEGER NOT NULL,
            record_json TEXT NOT NULL,
            version INTEGER NOT NULL);
        CREATE INDEX ix_approvals_pending ON approvals (pending, requested_ticks, id);

        CREATE TABLE contact_log (
            id TEXT NOT NULL PRIMARY KEY,
            invoice_number TEXT NOT NULL,
            debtor_id TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            record_json TEXT NOT NULL);
        CREATE INDEX ix_contact_log_invoice ON contact_log (invoice_number, at_ticks, id);
        CREATE INDEX ix_contact_log_debtor ON contact_log (debtor_id, at_ticks, id);

        CREATE TABLE outbox (
            id TEXT NOT NULL PRIMARY KEY,
            stored_ticks INTEGER NOT NULL,
            record_json TEXT NOT NULL);
        CREATE INDEX ix_outbox_stored ON outbox (stored_ticks DESC, id);

        CREATE TABLE processed (
            scope TEXT NOT NULL,
            id TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (scope, id));
        """,
        """
        CREATE TABLE sent_messages (
            provider_message_id TEXT NOT NULL PRIMARY KEY,
            tag TEXT NOT NULL,
            at TEXT NOT NULL);
        """,
        """
        ALTER TABLE call_tasks ADD COLUMN debtor_id TEXT NOT NULL DEFAULT '';
        UPDATE call_tasks SET debtor_id = json_extract(record_json, '$.debtorId');
        CREATE INDEX ix_call_tasks_debtor ON call_tasks (debtor_id, id);
        """,
        """
        CREATE TABLE leases (
            name TEXT NOT NULL PRIMARY KEY,
            holder TEXT NOT NULL,
            until_ticks INTEGER NOT NULL);
        """,
        """
        CREATE TABLE shared_values (
            name TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL,
            version INTEGER NOT NULL);
        """,
        // Invoice search: the filter and sort columns are filled, and the terms written, by the store
        // (SqliteCollectionsStore.Search.cs), which indexes rows with indexed = 0 when it opens the file.
        """
        ALTER TABLE invoices ADD COLUMN due_day INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoices ADD COLUMN open_cents INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoices ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoices ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoices ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX ix_invoices_due ON invoices (due_day, number);
        CREATE INDEX ix_invoices_open ON invoices (open_cents, number);
        CREATE INDEX ix_invoices_status_due ON invoices (status, due_day, number);
        CREATE INDEX ix_invoices_status_open ON invoices (status, open_cents, number);
        CREATE INDEX ix_invoices_unindexed ON invoices (number) WHERE indexed = 0;
        CREATE TABLE invoice_terms (
            term TEXT NOT NULL,
            number TEXT NOT NULL,
            PRIMARY KEY (term, number)) WITHOUT ROWID;
        CREATE INDEX ix_invoice_terms_number ON invoice_terms (number);
        """,
        """
        CREATE TABLE staff_tasks (
            id TEXT NOT NULL PRIMARY KEY,
            status TEXT NOT NULL,
            debtor_id TEXT NOT NULL,
            created_ticks INTEGER NOT NULL,
            record_json TEXT NOT NULL,
            version INTEGER NOT NULL);
        CREATE INDEX ix_staff_tasks_status ON staff_tasks (status, created_ticks, id);
        CREATE INDEX ix_staff_tasks_debtor ON staff_tasks (debtor_id, created_ticks, id);
        """,
        // The workflow's stage, written by the workflow itself (SetInvoiceProgressAsync), never by an invoice update.
        """
        ALTER TABLE invoices ADD COLUMN stage TEXT;
        CREATE INDEX ix_invoices_stage ON invoices (stage, number);
        CREATE INDEX ix_invoices_status_stage ON invoices (status, stage, open_cents);
        """,
        // The overview's totals over the whole book, from covering indexes; rows are indexed again on open.
        """
        ALTER TABLE invoices ADD COLUMN issue_day INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoices ADD COLUMN amount_cents INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX ix_invoices_status_due_open ON invoices (status, due_day, open_cents);
        CREATE INDEX ix_invoices_issue ON invoices (issue_day, amount_cents);
        UPDATE invoices SET indexed = 0;
        """,
        // The workflow's ladder step and promise counts, beside its stage (SetInvoiceProgressAsync).
        """
        ALTER TABLE invoices ADD COLUMN last_step TEXT;
        ALTER TABLE invoices ADD COLUMN promises_made INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoices ADD COLUMN promises_broken INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX ix_invoices_status_last_step ON invoices (status, last_step);
        CREATE INDEX ix_invoices_promises ON invoices (promises_made, promises_broken) WHERE promises_made > 0 OR promises_broken > 0;
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            // WAL lets readers proceed while one writer commits (https://www.sqlite.org/wal.html).
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }

        long applied;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            applied = (long)read.ExecuteScalar()!;
        }

        if (applied > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The store file has schema version {applied}, newer than this build knows ({Migrations.Length}).");
        }

        for (var index = (int)applied; index < Migrations.Length; index++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[index] + "\nINSERT INTO schema_version (version) VALUES ($version);";
            migrate.Parameters.AddWithValue("$version", index + 1);
            migrate.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
