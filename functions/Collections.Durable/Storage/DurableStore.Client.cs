using System.Text.Json;
using Collections.Durable.Engine;
using Microsoft.Data.Sqlite;

namespace Collections.Durable.Storage;

/// <summary>What clients do with the store: start, raise events, read status, control and purge instances.</summary>
internal sealed partial class DurableStore
{
    private const string StatusColumns =
        "id, name, status, generation, input, output, custom_status, failure_type, failure_message, awaited_events, created_at, updated_at";

    public OrchestrationRuntimeStatus? ReadStatus(string instanceId) =>
        Scalar("SELECT status FROM instances WHERE id = $id", ("$id", instanceId)) is long status
            ? (OrchestrationRuntimeStatus)status
            : null;

    /// <summary>Creates (or restarts a finished) instance with a start message; false when it is still active.</summary>
    public bool Start(string instanceId, string name, string? input, DateTime now, DateTime eventCutoff)
    {
        var existing = ReadStatus(instanceId);
        var nowTicks = Ticks(now);
        long generation;
        if (existing is null)
        {
            generation = 1;
            Execute(
                """
                INSERT INTO instances(id, name, status, generation, input, created_at, updated_at)
                VALUES ($id, $name, $pending, 1, $input, $now, $now)
                """,
                ("$id", instanceId),
                ("$name", name),
                ("$pending", Pending),
                ("$input", Db(input)),
                ("$now", nowTicks));
            Execute(
                "DELETE FROM inbox WHERE instance_id = $id AND kind = $kind AND created_at < $cutoff",
                ("$id", instanceId),
                ("$kind", (int)HistoryEventKind.EventRaised),
                ("$cutoff", Ticks(eventCutoff)));
        }
        else if (existing is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            return false;
        }
        else
        {
            generation = (long)Scalar("SELECT generation FROM instances WHERE id = $id", ("$id", instanceId))! + 1;
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
        }

        InsertMessage(instanceId, generation, HistoryEventKind.ExecutionStarted, -1, name, input, nowTicks, nowTicks);
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
        using var reader = Command($"SELECT {StatusColumns} FROM instances WHERE id = $id", ("$id", instanceId)).ExecuteReader();
        (InstanceStatus Status, long Generation)? row = reader.Read() ? ReadStatusRow(reader, json) : null;
        reader.Close();
        return row is null ? null : WithWaits(row.Value.Status, row.Value.Generation);
    }

    public InstancePage Query(InstanceQuery query, JsonSerializerOptions json)
    {
        var statuses = query.Statuses is { Count: > 0 } wanted
            ? string.Join(',', wanted.Select(s => (int)s))
            : "0,1,2,3,4,5";
        var rows = new List<(InstanceStatus Status, long Generation)>();
        using (var reader = Command(
            $"SELECT {StatusColumns} FROM instances WHERE status IN ({statuses}) AND id > $after ORDER BY id LIMIT $limit",
            ("$after", query.ContinuationToken ?? string.Empty),
            ("$limit", query.PageSize + 1)).ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(ReadStatusRow(reader, json));
            }
        }

        var more = rows.Count > query.PageSize;
        var page = rows.Take(query.PageSize).Select(r => WithWaits(r.Status, r.Generation)).ToList();
        return new InstancePage(page, more ? page[^1].InstanceId : null);
    }

    private static (InstanceStatus Status, long Generation) ReadStatusRow(SqliteDataReader reader, JsonSerializerOptions json)
    {
        var failureType = Text(reader, 7);
        var awaited = Text(reader, 9);
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
        return (status, reader.GetInt64(3));
    }

    private InstanceStatus WithWaits(InstanceStatus status, long generation)
    {
        if (status.IsFinished)
        {
            return status;
        }

        var nextTimer = Scalar(
            "SELECT min(visible_at) FROM inbox WHERE instance_id = $id AND generation = $gen AND kind = $kind",
            ("$id", status.InstanceId),
            ("$gen", generation),
            ("$kind", (int)HistoryEventKind.TimerFired));
        var activities = new List<string>();
        using (var reader = Command(
            "SELECT name FROM work_items WHERE instance_id = $id ORDER BY task_id",
            ("$id", status.InstanceId)).ExecuteReader())
        {
            while (reader.Read())
            {
                activities.Add(reader.GetString(0));
            }
        }

        return status with
        {
            NextTimerAt = nextTimer is long ticks ? new DateTimeOffset(FromTicks(ticks)) : null,
            PendingActivities = activities,
        };
    }
}
