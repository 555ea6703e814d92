using System.Text.Json;
using Collections.Durable.Engine;

namespace Collections.Durable.Storage;

/// <summary>What the engine does with the store: find work, load and commit turns, lease and settle activities.</summary>
internal sealed partial class DurableStore
{
    private const int Pending = (int)OrchestrationRuntimeStatus.Pending;
    private const int Running = (int)OrchestrationRuntimeStatus.Running;

    /// <summary>Instances (Pending or Running) with at least one visible message, oldest message first.</summary>
    /// <remarks>CROSS JOIN keeps SQLite scanning the inbox by visibility rather than every active instance.</remarks>
    public List<InstanceRow> FindReadyInstances(DateTime now, int max)
    {
        var rows = new List<InstanceRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = Command(
            """
            SELECT i.id, i.name, i.status, i.generation FROM inbox m CROSS JOIN instances i ON i.id = m.instance_id
            WHERE m.visible_at <= $now AND i.status IN (0, 1) ORDER BY m.visible_at, m.id LIMIT $scan
            """,
            ("$now", Ticks(now)),
            ("$scan", max * 4)).ExecuteReader();
        while (reader.Read() && rows.Count < max)
        {
            var id = reader.GetString(0);
            if (seen.Add(id))
            {
                rows.Add(new InstanceRow(id, reader.GetString(1), (OrchestrationRuntimeStatus)reader.GetInt32(2), reader.GetInt64(3)));
            }
        }

        return rows;
    }

    public List<InboxMessage> LoadVisibleMessages(string instanceId, DateTime now)
    {
        var messages = new List<InboxMessage>();
        using var reader = Command(
            "SELECT id, kind, generation, task_id, name, payload, visible_at FROM inbox WHERE instance_id = $id AND visible_at <= $now ORDER BY id",
            ("$id", instanceId),
            ("$now", Ticks(now))).ExecuteReader();
        while (reader.Read())
        {
            messages.Add(new InboxMessage(
                reader.GetInt64(0),
                (HistoryEventKind)reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetInt32(3),
                Text(reader, 4),
                Text(reader, 5),
                FromTicks(reader.GetInt64(6))));
        }

        return messages;
    }

    public List<HistoryEvent> LoadHistory(string instanceId)
    {
        var history = new List<HistoryEvent>();
        using var reader = Command(
            "SELECT kind, ts, task_id, name, payload, fire_at FROM history WHERE instance_id = $id ORDER BY seq",
            ("$id", instanceId)).ExecuteReader();
        while (reader.Read())
        {
            history.Add(new HistoryEvent(
                (HistoryEventKind)reader.GetInt32(0),
                FromTicks(reader.GetInt64(1)),
                reader.GetInt32(2),
                Text(reader, 3),
                Text(reader, 4),
                reader.IsDBNull(5) ? null : FromTicks(reader.GetInt64(5))));
        }

        return history;
    }

    /// <summary>Commits one turn: history, consumed messages, new work items and timers, and the status row.</summary>
    public void WriteTurn(TurnToWrite turn)
    {
        var result = turn.Result;
        var id = result.InstanceId;
        var now = Ticks(result.Now);
        foreach (var messageId in result.ConsumedMessageIds)
        {
            Execute("DELETE FROM inbox WHERE id = $id", ("$id", messageId));
        }

        if (result.Outcome == TurnOutcome.ContinuedAsNew)
        {
            ContinueAsNew(turn, now);
            return;
        }

        var seq = result.HistoryStart;
        foreach (var historyEvent in result.NewHistory)
        {
            Execute(
                "INSERT INTO history(instance_id, seq, kind, ts, task_id, name, payload, fire_at) VALUES ($id, $seq, $kind, $ts, $task, $name, $payload, $fire)",
                ("$id", id),
                ("$seq", seq++),
                ("$kind", (int)historyEvent.Kind),
                ("$ts", Ticks(historyEvent.Timestamp)),
                ("$task", historyEvent.TaskId),
                ("$name", Db(historyEvent.Name)),
                ("$payload", Db(historyEvent.Payload)),
                ("$fire", Db(historyEvent.FireAt?.Ticks)));
        }

        foreach (var timer in result.CancelledTimers)
        {
            Execute(
                "DELETE FROM inbox WHERE instance_id = $id AND generation = $gen AND kind = $kind AND task_id = $task",
                ("$id", id),
                ("$gen", result.Generation),
                ("$kind", (int)HistoryEventKind.TimerFired),
                ("$task", timer));
        }

        foreach (var action in result.NewActions)
        {
            if (action.Kind == ActionKind.CallActivity)
            {
                Execute(
                    """
                    INSERT INTO work_items(instance_id, generation, task_id, name, input, retry, attempt, first_scheduled_at, visible_at, locked_until)
                    VALUES ($id, $gen, $task, $name, $input, $retry, 1, $now, $now, 0)
                    """,
                    ("$id", id),
                    ("$gen", result.Generation),
                    ("$task", action.TaskId),
                    ("$name", action.Name!),
                    ("$input", Db(action.Input)),
                    ("$retry", Db(action.Retry is null ? null : JsonSerializer.Serialize(action.Retry))),
                    ("$now", now));
            }
            else if (!result.CancelledTimers.Contains(action.TaskId))
            {
                InsertMessage(id, result.Generation, HistoryEventKind.TimerFired, action.TaskId, null, null, action.FireAt!.Value.Ticks, now);
            }
        }

        if (result.Outcome == TurnOutcome.Running)
        {
            Execute(
                """
                UPDATE instances SET status = $running, awaited_events = $awaited, updated_at = $now,
                    custom_status = CASE WHEN $changed THEN $custom ELSE custom_status END
                WHERE id = $id
                """,
                ("$running", Running),
                ("$awaited", Db(result.AwaitedEvents.Count == 0 ? null : string.Join('\n', result.AwaitedEvents))),
                ("$now", now),
                ("$changed", result.CustomStatusChanged),
                ("$custom", Db(result.CustomStatus)),
                ("$id", id));
            return;
        }

        Finish(id, result.Outcome == TurnOutcome.Completed ? OrchestrationRuntimeStatus.Completed : OrchestrationRuntimeStatus.Failed, now, result.Output);
        Execute(
            """
            UPDATE instances SET failure_type = $ftype, failure_message = $fmessage,
                custom_status = CASE WHEN $changed THEN $custom ELSE custom_status END
            WHERE id = $id AND ($ftype IS NOT NULL OR $changed)
            """,
            ("$ftype", Db(result.Failure?.ErrorType)),
            ("$fmessage", Db(result.Failure?.ErrorMessage)),
            ("$changed", result.CustomStatusChanged),
            ("$custom", Db(result.CustomStatus)),
            ("$id", id));
    }

    /// <summary>Commits a finished activity attempt: the result goes to the inbox, or the attempt is retried later.</summary>
    public void ApplyActivityResult(ActivityResult result, DateTime now)
    {
        var item = result.Item;
        if (result.Failure is { } failure && NextAttemptAt(item, now) is { } retryAt)
        {
            Execute(
                "UPDATE work_items SET attempt = attempt + 1, visible_at = $at, locked_until = 0 WHERE id = $id",
                ("$at", Ticks(retryAt)),
                ("$id", item.Id));
            return;
        }

        // A missing work item means the instance finished, was terminated or restarted meanwhile: drop the result.
        if (Execute("DELETE FROM work_items WHERE id = $id", ("$id", item.Id)) == 0)
        {
            return;
        }

        if (result.Failure is { } final)
        {
            InsertMessage(item.InstanceId, item.Generation, HistoryEventKind.TaskFailed, item.TaskId, final.ErrorType, final.ErrorMessage, Ticks(now), Ticks(now));
        }
        else
        {
            InsertMessage(item.InstanceId, item.Generation, HistoryEventKind.TaskCompleted, item.TaskId, null, result.Output, Ticks(now), Ticks(now));
        }
    }

    /// <summary>Leases up to <paramref name="max"/> due activity attempts that are not running in this process.</summary>
    public List<WorkItem> LeaseWorkItems(DateTime now, int max, DateTime leaseUntil, Func<long, bool> isRunning)
    {
        var items = new List<WorkItem>();
        using (var reader = Command(
            """
            SELECT id, instance_id, generation, task_id, name, input, retry, attempt, first_scheduled_at FROM work_items
            WHERE visible_at <= $now AND locked_until <= $now ORDER BY visible_at, id LIMIT $max
            """,
            ("$now", Ticks(now)),
            ("$max", max * 2)).ExecuteReader())
        {
            while (reader.Read() && items.Count < max)
            {
                var id = reader.GetInt64(0);
                if (isRunning(id))
                {
                    continue;
                }

                var retry = Text(reader, 6);
                items.Add(new WorkItem(
                    id,
                    reader.GetString(1),
                    reader.GetInt64(2),
                    reader.GetInt32(3),
                    reader.GetString(4),
                    Text(reader, 5),
                    retry is null ? null : JsonSerializer.Deserialize<ActivityRetryOptions>(retry),
                    reader.GetInt32(7),
                    FromTicks(reader.GetInt64(8))));
            }
        }

        foreach (var item in items)
        {
            Execute("UPDATE work_items SET locked_until = $until WHERE id = $id", ("$until", Ticks(leaseUntil)), ("$id", item.Id));
        }

        return items;
    }

    /// <summary>Releases all leases: called when this process takes over the file, whose previous owner is gone.</summary>
    public void ReleaseAllLeases() => Execute("UPDATE work_items SET locked_until = 0 WHERE locked_until <> 0");

    /// <summary>The earliest time something becomes due: a message of a runnable instance or an activity attempt.</summary>
    public DateTime? NextDueTime(Func<long, bool> isRunning)
    {
        var message = Scalar(
            "SELECT m.visible_at FROM inbox m CROSS JOIN instances i ON i.id = m.instance_id WHERE i.status IN (0, 1) ORDER BY m.visible_at LIMIT 1");
        long? next = message is long ticks ? ticks : null;
        using var reader = Command("SELECT id, max(visible_at, locked_until) AS due FROM work_items ORDER BY due LIMIT 64").ExecuteReader();
        while (reader.Read())
        {
            if (!isRunning(reader.GetInt64(0)))
            {
                var due = reader.GetInt64(1);
                next = next is null ? due : Math.Min(next.Value, due);
                break;
            }
        }

        return next is null ? null : FromTicks(next.Value);
    }

    /// <summary>Deletes events kept for instances that never started within the retention period.</summary>
    public int DeleteExpiredEvents(DateTime cutoff) => Execute(
        "DELETE FROM inbox WHERE kind = $kind AND created_at < $cutoff AND NOT EXISTS (SELECT 1 FROM instances i WHERE i.id = inbox.instance_id)",
        ("$kind", (int)HistoryEventKind.EventRaised),
        ("$cutoff", Ticks(cutoff)));

    private static DateTime? NextAttemptAt(WorkItem item, DateTime now)
    {
        if (item.Retry is not { } retry || item.Attempt >= retry.MaxAttempts)
        {
            return null;
        }

        var at = now + retry.DelayBeforeRetry(item.Attempt);
        return retry.Timeout is { } timeout && at > item.FirstScheduledAt + timeout ? null : at;
    }

    private void ContinueAsNew(TurnToWrite turn, long now)
    {
        var result = turn.Result;
        var id = result.InstanceId;
        var generation = result.Generation + 1;
        ClearExecution(id);
        Execute(
            """
            UPDATE instances SET generation = $gen, input = $input, awaited_events = NULL, updated_at = $now,
                custom_status = CASE WHEN $changed THEN $custom ELSE custom_status END
            WHERE id = $id
            """,
            ("$gen", generation),
            ("$input", Db(result.ContinueAsNewInput)),
            ("$now", now),
            ("$changed", result.CustomStatusChanged),
            ("$custom", Db(result.CustomStatus)),
            ("$id", id));
        InsertMessage(id, generation, HistoryEventKind.ExecutionStarted, -1, turn.OrchestratorName, result.ContinueAsNewInput, now, now);
        foreach (var (name, payload) in result.CarriedEvents)
        {
            InsertMessage(id, null, HistoryEventKind.EventRaised, -1, name, payload, now, now);
        }
    }

    /// <summary>Sets a terminal status and removes the instance's pending timers, messages and activity attempts.</summary>
    private void Finish(string id, OrchestrationRuntimeStatus status, long now, string? output)
    {
        Execute("DELETE FROM inbox WHERE instance_id = $id", ("$id", id));
        Execute("DELETE FROM work_items WHERE instance_id = $id", ("$id", id));
        Execute(
            "UPDATE instances SET status = $status, output = $output, awaited_events = NULL, updated_at = $now WHERE id = $id",
            ("$status", (int)status),
            ("$output", Db(output)),
            ("$now", now),
            ("$id", id));
    }

    /// <summary>Removes history, queued non-event messages and activity attempts of the instance's current generation.</summary>
    private void ClearExecution(string id)
    {
        Execute("DELETE FROM history WHERE instance_id = $id", ("$id", id));
        Execute("DELETE FROM inbox WHERE instance_id = $id AND generation IS NOT NULL", ("$id", id));
        Execute("DELETE FROM work_items WHERE instance_id = $id", ("$id", id));
    }

    private void InsertMessage(string instanceId, long? generation, HistoryEventKind kind, int taskId, string? name, string? payload, long visibleAt, long createdAt) =>
        Execute(
            """
            INSERT INTO inbox(instance_id, generation, kind, task_id, name, payload, visible_at, created_at)
            VALUES ($id, $gen, $kind, $task, $name, $payload, $visible, $created)
            """,
            ("$id", instanceId),
            ("$gen", Db(generation)),
            ("$kind", (int)kind),
            ("$task", taskId),
            ("$name", Db(name)),
            ("$payload", Db(payload)),
            ("$visible", visibleAt),
            ("$created", createdAt));
}
