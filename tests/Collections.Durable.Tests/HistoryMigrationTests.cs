using Collections.Durable.Engine;
using Microsoft.Data.Sqlite;

namespace Collections.Durable.Tests;

public sealed class HistoryMigrationTests
{
    [Fact]
    public async Task Open_FileWithOneRowPerEvent_ReadsTheSameHistory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "old.db");
        var started = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"""
                CREATE TABLE history(instance_id TEXT NOT NULL, seq INTEGER NOT NULL, kind INTEGER NOT NULL, ts INTEGER NOT NULL,
                    task_id INTEGER NOT NULL, name TEXT, payload TEXT, fire_at INTEGER, PRIMARY KEY(instance_id, seq)) WITHOUT ROWID;
                INSERT INTO history VALUES ('x', 0, 2, {started.Ticks}, -1, NULL, NULL, NULL);
                INSERT INTO history VALUES ('x', 1, 1, {started.Ticks}, -1, 'Flow', '"in"', NULL);
                INSERT INTO history VALUES ('x', 2, 6, {started.Ticks}, 0, NULL, NULL, {started.AddDays(1).Ticks});
                """;
            create.ExecuteNonQuery();
        }

        await using (var runtime = new DurableRuntime(new DurableRegistry(), new DurableRuntimeOptions { DatabasePath = path }))
        {
            var history = await runtime.ReadHistoryAsync("x");

            Assert.Equal(
                [
                    new HistoryEvent(HistoryEventKind.OrchestratorStarted, started),
                    new HistoryEvent(HistoryEventKind.ExecutionStarted, started, -1, "Flow", "\"in\""),
                    new HistoryEvent(HistoryEventKind.TimerCreated, started, 0, FireAt: started.AddDays(1)),
                ],
                history);
        }

        Directory.Delete(directory, recursive: true);
    }
}
