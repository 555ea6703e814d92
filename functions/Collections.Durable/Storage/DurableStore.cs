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
            instance_id TEXT NOT NULL, seq INTEGER NOT NULL, events BLOB NOT NULL,
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
    private const int MaxRowsPerInsert = 64;

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
        MigrateEventPerRowHistory();
        using var schema = connection.CreateCommand();
        schema.CommandText = Schema;
        schema.ExecuteNonQuery();
    }

    /// <summary>
    /// Files written before history was stored one row per turn hold one row per event (columns kind, ts, ...):
    /// each such row becomes a one-event row under the same sequence number, so replay reads the same events.
    /// </summary>
    private void MigrateEventPerRowHistory()
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM pragma_table_info('history') WHERE name = 'kind'";
        if ((long)probe.ExecuteScalar()! == 0)
        {
            return;
        }

        using var migration = connection.BeginTransaction();
        var rows = new List<(string Id, long Seq, byte[] Events)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = migration;
            read.CommandText = "SELECT instance_id, seq, kind, ts, task_id, name, payload, fire_at FROM history";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var historyEvent = new Engine.HistoryEvent(
                    (Engine.HistoryEventKind)reader.GetInt32(2),
                    FromTicks(reader.GetInt64(3)),
                    reader.GetInt32(4),
                    Text(reader, 5),
                    Text(reader, 6),
                    reader.IsDBNull(7) ? null : FromTicks(reader.GetInt64(7)));
                rows.Add((reader.GetString(0), reader.GetInt64(1), HistoryCodec.Encode([historyEvent])));
            }
        }

        using var rebuild = connection.CreateCommand();
        rebuild.Transaction = migration;
        rebuild.CommandText = """
            DROP TABLE history;
            CREATE TABLE history(instance_id TEXT NOT NULL, seq INTEGER NOT NULL, events BLOB NOT NULL,
                PRIMARY KEY(instance_id, seq)) WITHOUT ROWID;
            """;
        rebuild.ExecuteNonQuery();
        using var insert = connection.CreateCommand();
        insert.Transaction = migration;
        insert.CommandText = "INSERT INTO history(instance_id, seq, events) VALUES ($id, $seq, $events)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var events = insert.Parameters.Add("$events", SqliteType.Blob);
        foreach (var row in rows)
        {
            (id.Value, seq.Value, events.Value) = (row.Id, row.Seq, row.Events);
            insert.ExecuteNonQuery();
        }

        migration.Commit();
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

    /// <summary>SQL statements executed since the store was opened (turns, activities, client calls; not the schema).</summary>
    public long StatementsExecuted { get; private set; }

    /// <summary>
    /// A cached, prepared command with the given parameters bound, in the current transaction. The parameters are
    /// created once per command and only their values are set afterwards (a command always takes the same names).
    /// </summary>
    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = Prepared(sql, parameters.Length, i => parameters[i].Name);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value;
        }

        return command;
    }

    private SqliteCommand Prepared(string sql, int parameterCount, Func<int, string> parameterName)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameterCount; i++)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = parameterName(i) });
            }

            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        StatementsExecuted++;
        return command;
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (each one value per column) with as few statements as possible: up to
    /// <see cref="MaxRowsPerInsert"/> rows each, in power-of-two chunks so few distinct statements get prepared.
    /// </summary>
    private void InsertRows(string table, string columns, IReadOnlyList<object[]> rows)
    {
        var width = columns.Count(c => c == ',') + 1;
        var done = 0;
        while (done < rows.Count)
        {
            var chunk = MaxRowsPerInsert;
            while (chunk > rows.Count - done)
            {
                chunk /= 2;
            }

            var sql = InsertSql(table, columns, width, chunk);
            var command = Prepared(sql, chunk * width, i => $"$p{i}");
            for (var row = 0; row < chunk; row++)
            {
                var values = rows[done + row];
                for (var column = 0; column < width; column++)
                {
                    command.Parameters[(row * width) + column].Value = values[column];
                }
            }

            command.ExecuteNonQuery();
            done += chunk;
        }
    }

    private static string InsertSql(string table, string columns, int width, int rows)
    {
        var values = Enumerable.Range(0, rows)
            .Select(row => "(" + string.Join(", ", Enumerable.Range(row * width, width).Select(i => $"$p{i}")) + ")");
        return $"INSERT INTO {table}({columns}) VALUES {string.Join(", ", values)}";
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
