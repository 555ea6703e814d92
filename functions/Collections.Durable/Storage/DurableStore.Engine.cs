using System.Text.Json;
using Collections.Durable.Engine;

namespace Collections.Durable.Storage;

/// <summary>What the engine does with the store: find work, load and commit turns, lease and settle activities.</summary>
internal sealed partial class DurableStore
{
    private const int Pending = (int)OrchestrationRuntimeStatus.Pending;
    private const int Running = (int)OrchestrationRuntimeStatus.Running;
    private const string MessageColumns = "instance_id, generation, kind, task_id, name, payload, visible_at, created_at";
    private const string WorkItemColumns =
        "instance_id, generation, task_id, name, input, retry, attempt, first_scheduled_at, visible_at, locked_until";

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

    /// <summary>
    /// Takes (deletes and returns) the visible messages of the given instances in one statement, per instance in
    /// arrival order. Inside the step's transaction: if the step fails, the messages are back.
    /// </summary>
    public Dictionary<string, List<InboxMessage>> TakeVisibleMessages(IReadOnlyList<string> instanceIds, DateTime now)
    {
        var messages = new Dictionary<string, List<InboxMessage>>(instanceIds.Count, StringComparer.Ordinal);
        foreach (var id in instanceIds)
        {
            messages[id] = [];
        }

        using (var reader = Command(
            """
            DELETE FROM inbox WHERE instance_id IN (SELECT value FROM json_each($ids)) AND visible_at <= $now
            RETURNING instance_id, id, kind, generation, task_id, name, payload, visible_at
            """,
            ("$ids", JsonSerializer.Serialize(instanceIds)),
            ("$now", Ticks(now))).ExecuteReader())
        {
            while (reader.Read())
            {
                messages[reader.GetString(0)].Add(new InboxMessage(
                    reader.GetInt64(1),
                    (HistoryEventKind)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.GetInt32(4),
                    Text(reader, 5),
                    Text(reader, 6),
                    FromTicks(reader.GetInt64(7))));
            }
        }

        foreach (var list in messages.Values)
        {
            list.Sort((a, b) => a.Id.CompareTo(b.Id));
        }

        return messages;
    }

    public List<HistoryEvent> LoadHistory(string instanceId)
    {
        var history = new List<HistoryEvent>();
        using var reader = Command("SELECT events FROM history WHERE instance_id = $id ORDER BY seq", ("$id", instanceId)).ExecuteReader();
        while (reader.Read())
        {
            HistoryCodec.Decode((byte[])reader.GetValue(0), history);
        }

        return history;
    }

    /// <summary>
    /// Commits the turns of one step: each turn's history as one row, consumed messages already taken, new work
    /// items and timers, and the status rows. Rows of all turns are inserted together (few statements per step).
    /// </summary>
    public void WriteTurns(IEnumerable<TurnToWrite> turns)
    {
        var history = new List<object[]>();
        var workItems = new List<object[]>();
        var timers = new List<object[]>();
        foreach (var turn in turns)
        {
            var result = turn.Result;
            var id = result.InstanceId;
            var now = Ticks(result.Now);
            if (result.Outcome == TurnOutcome.ContinuedAsNew)
            {
                ContinueAsNew(turn, now);
                continue;
            }

            if (result.NewHistory.Count > 0)
            {
                history.Add([id, (long)result.HistoryStart, HistoryCodec.Encode(result.NewHistory)]);
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
                    var retry = action.Retry is null ? null : JsonSerializer.Serialize(action.Retry);
                    workItems.Add([id, result.Generation, action.TaskId, action.Name!, Db(action.Input), Db(retry), 1, now, now, 0]);
                }
                else if (!result.CancelledTimers.Contains(action.TaskId))
                {
                    timers.Add(MessageRow(id, result.Generation, HistoryEventKind.TimerFired, action.TaskId, null, null, action.FireAt!.Value.Ticks, now));
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
            }
            else
            {
                var status = result.Outcome == TurnOutcome.Completed ? OrchestrationRuntimeStatus.Completed : OrchestrationRuntimeStatus.Failed;
                Finish(id, status, now, result.Output, result.Failure, result.CustomStatusChanged ? result.CustomStatus : null, result.CustomStatusChanged);
            }
        }

        InsertRows("history", "instance_id, seq, events", history);
        InsertRows("work_items", WorkItemColumns, workItems);
        InsertRows("inbox", MessageColumns, timers);
    }

    /// <summary>
    /// Commits finished activity attempts: a failed one with attempts left is retried later; the others are
    /// removed from the work items and their results go to the inbox (one delete and one insert for the batch).
    /// </summary>
    public void ApplyActivityResults(IReadOnlyList<ActivityResult> results, DateTime now)
    {
        var settled = new List<ActivityResult>(results.Count);
        foreach (var result in results)
        {
            if (result.Failure is not null && NextAttemptAt(result.Item, now) is { } retryAt)
            {
                Execute(
                    "UPDATE work_items SET attempt = attempt + 1, visible_at = $at, locked_until = 0 WHERE id = $id",
                    ("$at", Ticks(retryAt)),
                    ("$id", result.Item.Id));
            }
            else
            {
                settled.Add(result);
            }
        }

        if (settled.Count == 0)
        {
            return;
        }

        // A missing work item means the instance finished, was terminated or restarted meanwhile: drop the result.
        var present = new HashSet<long>();
        using (var reader = Command(
            "DELETE FROM work_items WHERE id IN (SELECT value FROM json_each($ids)) RETURNING id",
            ("$ids", JsonSerializer.Serialize(settled.Select(r => r.Item.Id)))).ExecuteReader())
        {
            while (reader.Read())
            {
                present.Add(reader.GetInt64(0));
            }
        }

        var messages = new List<object[]>(present.Count);
        var at = Ticks(now);
        foreach (var result in settled.Where(r => present.Contains(r.Item.Id)))
        {
            var item = result.Item;
            messages.Add(result.Failure is { } failure
                ? MessageRow(item.InstanceId, item.Generation, HistoryEventKind.TaskFailed, item.TaskId, failure.ErrorType, failure.ErrorMessage, at, at)
                : MessageRow(item.InstanceId, item.Generation, HistoryEventKind.TaskCompleted, item.TaskId, null, result.Output, at, at));
        }

        InsertRows("inbox", MessageColumns, messages);
    }

    /// <summary>
    /// Leases (in one statement) up to <paramref name="max"/> due activity attempts and returns those not already
    /// running in this process — a running attempt whose lease ran out just gets its lease renewed.
    /// </summary>
    public List<WorkItem> LeaseWorkItems(DateTime now, int max, DateTime leaseUntil, Func<long, bool> isRunning)
    {
        var items = new List<(long VisibleAt, WorkItem Item)>();
        using (var reader = Command(
            """
            UPDATE work_items SET locked_until = $until WHERE id IN (
                SELECT id FROM work_items WHERE visible_at <= $now AND locked_until <= $now ORDER BY visible_at, id LIMIT $max)
            RETURNING id, instance_id, generation, task_id, name, input, retry, attempt, first_scheduled_at, visible_at
            """,
            ("$until", Ticks(leaseUntil)),
            ("$now", Ticks(now)),
            ("$max", max)).ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (isRunning(id))
                {
                    continue;
                }

                var retry = Text(reader, 6);
                items.Add((reader.GetInt64(9), new WorkItem(
                    id,
                    reader.GetString(1),
                    reader.GetInt64(2),
                    reader.GetInt32(3),
                    reader.GetString(4),
                    Text(reader, 5),
                    retry is null ? null : JsonSerializer.Deserialize<ActivityRetryOptions>(retry),
                    reader.GetInt32(7),
                    FromTicks(reader.GetInt64(8)))));
            }
        }

        return [.. items.OrderBy(i => i.VisibleAt).ThenBy(i => i.Item.Id).Select(i => i.Item)];
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
    private void Finish(
        string id, OrchestrationRuntimeStatus status, long now, string? output, FailureDetails? failure = null, string? customStatus = null, bool customStatusChanged = false)
    {
        Execute("DELETE FROM inbox WHERE instance_id = $id", ("$id", id));
        Execute("DELETE FROM work_items WHERE instance_id = $id", ("$id", id));
        Execute(
            """
            UPDATE instances SET status = $status, output = $output, awaited_events = NULL, updated_at = $now,
                failure_type = $ftype, failure_message = $fmessage,
                custom_status = CASE WHEN $changed THEN $custom ELSE custom_status END
            WHERE id = $id
            """,
            ("$status", (int)status),
            ("$output", Db(output)),
            ("$now", now),
            ("$ftype", Db(failure?.ErrorType)),
            ("$fmessage", Db(failure?.ErrorMessage)),
            ("$changed", customStatusChanged),
            ("$custom", Db(customStatus)),
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
        InsertRows("inbox", MessageColumns, [MessageRow(instanceId, generation, kind, taskId, name, payload, visibleAt, createdAt)]);

    private static object[] MessageRow(string instanceId, long? generation, HistoryEventKind kind, int taskId, string? name, string? payload, long visibleAt, long createdAt) =>
        [instanceId, Db(generation), (int)kind, taskId, Db(name), Db(payload), visibleAt, createdAt];
}
