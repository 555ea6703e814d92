using Microsoft.Data.Sqlite;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>A durable first-sent log in a SQLite file (its own table, so it can share the app's database file):
/// a retry after a restart presents exactly what the first attempt did.</summary>
public sealed class SqliteSmsFirstSentLog : ISmsFirstSentLog
{
    private readonly string connectionString;

    public SqliteSmsFirstSentLog(string connectionString)
    {
        this.connectionString = connectionString;
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS channels_sms_first_sent (idempotency_key TEXT PRIMARY KEY, first_sent_ms INTEGER NOT NULL)";
        create.ExecuteNonQuery();
    }

    public async Task<DateTimeOffset> GetOrRenewAsync(string idempotencyKey, DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var cutoffMs = (now - maxAge).ToUnixTimeMilliseconds();
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Expired entries are of no use to anyone (ACS no longer tracks them): drop them, then insert or read.
        command.CommandText = """
            DELETE FROM channels_sms_first_sent WHERE first_sent_ms < $cutoff;
            INSERT INTO channels_sms_first_sent (idempotency_key, first_sent_ms) VALUES ($key, $now) ON CONFLICT (idempotency_key) DO NOTHING;
            SELECT first_sent_ms FROM channels_sms_first_sent WHERE idempotency_key = $key;
            """;
        command.Parameters.AddWithValue("$cutoff", cutoffMs);
        command.Parameters.AddWithValue("$key", idempotencyKey);
        command.Parameters.AddWithValue("$now", nowMs);
        var stored = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return DateTimeOffset.FromUnixTimeMilliseconds(stored);
    }

    /// <remarks>Sends run in parallel: a writer that finds the file locked waits in SQLite's busy handler, not in
    /// Microsoft.Data.Sqlite's 150 ms sleeps (as the store's connections, <c>SqliteCollectionsStore</c>).</remarks>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var busyTimeout = connection.CreateCommand();
        busyTimeout.CommandText = "PRAGMA busy_timeout = 30000;";
        busyTimeout.ExecuteNonQuery();
        return connection;
    }
}
