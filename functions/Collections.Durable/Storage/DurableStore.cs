using Microsoft.Data.Sqlite;

namespace Collections.Durable.Storage;

/// <summary>
/// The SQLite tables behind the runtime: instances (status rows), history (append-only per instance),
/// inbox (messages; a durable timer is a message visible at its fire time), work_items (activity attempts
/// with leases) and event_ids (event dedupe). Not thread-safe: the runtime serializes all access.
/// Durability: WAL journal with synchronous=NORMAL — a committed turn survives a process crash; the last
/// transactions before an OS crash or power loss may roll back, which replay and at-least-once activities absorb.
/// Checkpoints run on a second connection in the background (PASSIVE, every <see cref="CommitsPerCheckpoint"/>
/// commits) so the dispatcher never stalls on copying the WAL into the database file.
/// </summary>
internal sealed partial class DurableStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        PRAGMA wal_autocheckpoint=0;
        PRAGMA secure_delete=ON;
        CREATE TABLE IF NOT EXISTS instances(
            id TEXT PRIMARY KEY, name TEXT NOT NULL, status INTEGER NOT NULL, generation INTEGER NOT NULL,
            input TEXT, output TEXT, custom_status TEXT, failure_type TEXT, failure_message TEXT,
            awaited_events TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_instances_status ON instances(status, id);
        CREATE TABLE IF NOT EXISTS history(
            instance_id TEXT NOT NULL, seq INTEGER NOT NULL, kind INTEGER NOT NULL, ts INTEGER NOT NULL,
            task_id INTEGER NOT NULL, name TEXT, payload TEXT, fire_at INTEGER,
            PRIMARY KEY(instance_id, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS inbox(
            id INTEGER PRIMARY KEY, instance_id TEXT NOT NULL, generation INTEGER, kind INTEGER NOT NULL,
            task_id INTEGER NOT NULL, name TEXT, payload TEXT, visible_at INTEGER NOT NULL, created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_inbox_visible ON inbox(visible_at);
        CREATE INDEX IF NOT EXISTS ix_inbox_instance ON inbox(instance_id, visible_at);
        CREATE TABLE IF NOT EXISTS work_items(
            id INTEGER PRIMARY KEY, instance_id TEXT NOT NULL, generation INTEGER NOT NULL, task_id INTEGER NOT NULL,
            name TEXT NOT NULL, input TEXT, retry TEXT, attempt INTEGER NOT NULL, first_scheduled_at INTEGER NOT NULL,
            visible_at INTEGER NOT NULL, locked_until INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_work_items_visible ON work_items(visible_at);
        CREATE INDEX IF NOT EXISTS ix_work_items_instance ON work_items(instance_id);
        CREATE TABLE IF NOT EXISTS event_ids(
            instance_id TEXT NOT NULL, event_id TEXT NOT NULL, raised_at INTEGER NOT NULL,
            PRIMARY KEY(instance_id, event_id)) WITHOUT ROWID;
        """;

    private const int CommitsPerCheckpoint = 200;

    private readonly SqliteConnection connection;
    private readonly string connectionString;
    private int commitsSinceCheckpoint;
    private Task checkpoint = Task.CompletedTask;
    private bool purgedSinceCommit;
    private readonly Dictionary<string, SqliteCommand> commands = [];
    private SqliteTransaction? transaction;

    public DurableStore(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        connection = new SqliteConnection(connectionString);
        connection.Open();
        using var schema = connection.CreateCommand();
        schema.CommandText = Schema;
        schema.ExecuteNonQuery();
    }

    /// <summary>Begins the transaction that all commands join until it is committed or disposed.</summary>
    public Transaction Begin()
    {
        transaction = connection.BeginTransaction();
        return new Transaction(this);
    }

    /// <summary>Marks a point inside the transaction to roll back to if one client write fails.</summary>
    public void Savepoint() => transaction!.Save("client_write");

    public void ReleaseSavepoint() => transaction!.Release("client_write");

    public void RollbackToSavepoint() => transaction!.Rollback("client_write");

    public void Dispose()
    {
        checkpoint.Wait();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
        connection.Dispose();
    }

    private static long Ticks(DateTime time) => time.Ticks;

    private static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static object Db(long? value) => value is null ? DBNull.Value : value.Value;

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A cached, prepared command with the given parameters bound, in the current transaction.</summary>
    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters) =>
        Command(sql, parameters).ExecuteNonQuery();

    private object? Scalar(string sql, params (string Name, object Value)[] parameters) =>
        Command(sql, parameters).ExecuteScalar();

    /// <summary>After a purge: copies the WAL into the database file and empties it, so the purged rows survive neither as
    /// old page images in the WAL nor (secure_delete) as freed space in the file (https://www.sqlite.org/pragma.html#pragma_secure_delete).</summary>
    private void TruncateWal()
    {
        purgedSinceCommit = false;
        checkpoint.Wait();
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private void CheckpointNowAndThen()
    {
        if (++commitsSinceCheckpoint < CommitsPerCheckpoint || !checkpoint.IsCompleted)
        {
            return;
        }

        commitsSinceCheckpoint = 0;
        checkpoint = Task.Run(() =>
        {
            try
            {
                using var checkpointer = new SqliteConnection(connectionString);
                checkpointer.Open();
                using var command = checkpointer.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A skipped checkpoint only lets the WAL grow until the next one; committed data is unaffected.
            }
        });
    }

    /// <summary>Commits or (when disposed uncommitted) rolls back the store's current transaction.</summary>
    internal readonly struct Transaction(DurableStore store) : IDisposable
    {
        public void Commit()
        {
            store.transaction!.Commit();
            store.transaction.Dispose();
            store.transaction = null;
            if (store.purgedSinceCommit)
            {
                store.TruncateWal();
            }
            else
            {
                store.CheckpointNowAndThen();
            }
        }

        public void Dispose()
        {
            if (store.transaction is not null)
            {
                store.transaction.Rollback();
                store.transaction.Dispose();
                store.transaction = null;
            }
        }
    }
}
