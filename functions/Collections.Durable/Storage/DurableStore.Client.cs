using System.Text.Json;
using Collections.Durable.Engine;
using Microsoft.Data.Sqlite;

namespace Collections.Durable.Storage;

/// <summary>What clients do with the store: start, raise events, read status, control and purge instances.</summary>
internal sealed partial class DurableStore
{
    /// <summary>
    /// An instance's row with, in the same statement, its next timer and its pending activities (for an active
    /// instance; served by ix_inbox_instance and ix_work_items_instance).
    /// </summary>
    private static readonly string StatusQuery = $"""
        SELECT i.id, i.name, i.status, i.generation, i.input, i.output, i.custom_status, i.failure_type, i.failure_message,
            i.awaited_events, i.created_at, i.updated_at,
            CASE WHEN i.status IN (0, 1, 2) THEN (SELECT min(m.visible_at) FROM inbox m
                WHERE m.instance_id = i.id AND m.generation = i.generation AND m.kind = {TimerFiredKind}) END,
            CASE WHEN i.status IN (0, 1, 2) THEN (SELECT group_concat(w.name, char(10) ORDER BY w.task_id) FROM work_items w
                WHERE w.instance_id = i.id) END
        FROM instances i
        """;

    private const int TimerFiredKind = (int)HistoryEventKind.TimerFired;

    public OrchestrationRuntimeStatus? ReadStatus(string instanceId) =>
        Scalar("SELECT status FROM instances WHERE id = $id", ("$id", instanceId)) is long status
            ? (OrchestrationRuntimeStatus)status
            : null;

    /// <summary>Creates (or restarts a finished) instance with a start message; false when it is still active.</summary>
    public bool Start(string instanceId, string name, string? input, DateTime now, DateTime eventCutoff)
    {
        if (StartNew(instanceId, name, input, now, eventCutoff))
        {
            return true;
        }

        if (ReadStatus(instanceId) is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            return false;
        }

        var nowTicks = Ticks(now);
        var generation = (long)Scalar("SELECT generation FROM instances WHERE id = $id", ("$id", instanceId))! + 1;
        Execute("DELETE FROM history WHERE instance_id = $id", ("$id", instanceId));
        Execute("DELETE FROM inbox WHERE instance_id = $id", ("$id", instanceId));
        Execute("DELETE FROM work_items WHERE instance_id = $id", ("$id", instanceId));
        Execute(
            """
            UPDATE instances SET name = $name, status = $pending, generation = $gen, input = $input, output = NULL,
                custom_status = NULL, failure_type = NULL, failure_message = NULL, awaited_events = NULL,
                created_at = $now, updated_at = $now
            WHERE id = $id
            """,
            ("$name", name),
            ("$pending", Pending),
            ("$gen", generation),
            ("$input", Db(input)),
            ("$now", nowTicks),
            ("$id", instanceId));

        InsertMessage(instanceId, generation, HistoryEventKind.ExecutionStarted, -1, name, input, nowTicks, nowTicks);
        return true;
    }

    /// <summary>Creates the instance with a start message unless an instance with that id exists in any state; false then.</summary>
    public bool StartNew(string instanceId, string name, string? input, DateTime now, DateTime eventCutoff)
    {
        var nowTicks = Ticks(now);
        if (Execute(
                """
                INSERT INTO instances(id, name, status, generation, input, created_at, updated_at)
                VALUES ($id, $name, $pending, 1, $input, $now, $now) ON CONFLICT(id) DO NOTHING
                """,
                ("$id", instanceId),
                ("$name", name),
                ("$pending", Pending),
                ("$input", Db(input)),
                ("$now", nowTicks)) == 0)
        {
            return false;
        }

        Execute(
            "DELETE FROM inbox WHERE instance_id = $id AND kind = $kind AND created_at < $cutoff",
            ("$id", instanceId),
            ("$kind", (int)HistoryEventKind.EventRaised),
            ("$cutoff", Ticks(eventCutoff)));
        InsertMessage(instanceId, 1, HistoryEventKind.ExecutionStarted, -1, name, input, nowTicks, nowTicks);
        return true;
    }

    public RaiseEventOutcome RaiseEvent(string instanceId, string name, string? payload, string? eventId, DateTime now)
    {
        if (eventId is not null && Execute(
                "INSERT OR IGNORE INTO event_ids(instance_id, event_id, raised_at) VALUES ($id, $event, $now)",
                ("$id", instanceId),
                ("$event", eventId),
                ("$now", Ticks(now))) == 0)
        {
            return RaiseEventOutcome.Duplicate;
        }

        var status = ReadStatus(instanceId);
        if (status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            return RaiseEventOutcome.InstanceFinished;
        }

        InsertMessage(instanceId, null, HistoryEventKind.EventRaised, -1, name, payload, Ticks(now), Ticks(now));
        return status is null ? RaiseEventOutcome.QueuedForFutureInstance : RaiseEventOutcome.Queued;
    }

    public bool Terminate(string instanceId, string? reason, DateTime now)
    {
        if (ReadStatus(instanceId) is not (OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended))
        {
            return false;
        }

        Finish(instanceId, OrchestrationRuntimeStatus.Terminated, Ticks(now), reason);
        return true;
    }

    /// <summary>Moves an instance from one of <paramref name="from"/> to <paramref name="to"/>; false when it was in neither.</summary>
    public bool ChangeStatus(string instanceId, OrchestrationRuntimeStatus[] from, OrchestrationRuntimeStatus to, DateTime now)
    {
        if (ReadStatus(instanceId) is not { } status || !from.Contains(status))
        {
            return false;
        }

        Execute(
            "UPDATE instances SET status = $status, updated_at = $now WHERE id = $id",
            ("$status", (int)to),
            ("$now", Ticks(now)),
            ("$id", instanceId));
        return true;
    }

    public bool Purge(string instanceId)
    {
        if (ReadStatus(instanceId) is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return false;
        }

        Execute("DELETE FROM history WHERE instance_id = $id", ("$id", instanceId));
        Execute("DELETE FROM inbox WHERE instance_id = $id", ("$id", instanceId));
        Execute("DELETE FROM work_items WHERE instance_id = $id", ("$id", instanceId));
        Execute("DELETE FROM event_ids WHERE instance_id = $id", ("$id", instanceId));
        Execute("DELETE FROM instances WHERE id = $id", ("$id", instanceId));
        purgedSinceCommit = true;
        return true;
    }

    public InstanceStatus? GetStatus(string instanceId, JsonSerializerOptions json)
    {
        using var reader = Command($"{StatusQuery} WHERE i.id = $id", ("$id", instanceId)).ExecuteReader();
        return reader.Read() ? ReadStatusRow(reader, json) : null;
    }

    public InstancePage Query(InstanceQuery query, JsonSerializerOptions json)
    {
        var statuses = query.Statuses is { Count: > 0 } wanted
            ? string.Join(',', wanted.Select(s => (int)s))
            : "0,1,2,3,4,5";
        var rows = new List<InstanceStatus>();
        using (var reader = Command(
            $"{StatusQuery} WHERE i.status IN ({statuses}) AND i.id > $after ORDER BY i.id LIMIT $limit",
            ("$after", query.ContinuationToken ?? string.Empty),
            ("$limit", query.PageSize + 1)).ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(ReadStatusRow(reader, json));
            }
        }

        var more = rows.Count > query.PageSize;
        var page = rows.Take(query.PageSize).ToList();
        return new InstancePage(page, more ? page[^1].InstanceId : null);
    }

    /// <summary>Reads a row of <see cref="StatusQuery"/>; what an active instance waits for comes with it.</summary>
    private static InstanceStatus ReadStatusRow(SqliteDataReader reader, JsonSerializerOptions json)
    {
        var failureType = Text(reader, 7);
        var awaited = Text(reader, 9);
        var activities = Text(reader, 13);
        var status = new InstanceStatus
        {
            Json = json,
            InstanceId = reader.GetString(0),
            Name = reader.GetString(1),
            RuntimeStatus = (OrchestrationRuntimeStatus)reader.GetInt32(2),
            SerializedInput = Text(reader, 4),
            SerializedOutput = Text(reader, 5),
            SerializedCustomStatus = Text(reader, 6),
            Failure = failureType is null ? null : new FailureDetails(failureType, Text(reader, 8) ?? string.Empty),
            AwaitedEvents = awaited is null ? [] : awaited.Split('\n'),
            CreatedAt = new DateTimeOffset(FromTicks(reader.GetInt64(10))),
            LastUpdatedAt = new DateTimeOffset(FromTicks(reader.GetInt64(11))),
        };
        return status.IsFinished
            ? status
            : status with
            {
                NextTimerAt = reader.IsDBNull(12) ? null : new DateTimeOffset(FromTicks(reader.GetInt64(12))),
                PendingActivities = activities is null ? [] : activities.Split('\n'),
            };
    }
}
