using Collections.Storage;

namespace Collections.Infrastructure.Storage;

public sealed partial class SqliteCollectionsStore
{
    public async Task<bool> AddStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(
            connection,
            """
            INSERT INTO staff_tasks (id, status, debtor_id, created_ticks, record_json, version)
            VALUES ($id, $status, $debtor, $created, $json, 1)
            ON CONFLICT (id) DO NOTHING;
            """,
            cancellationToken,
            ("$id", task.Id),
            ("$status", task.Status),
            ("$debtor", task.DebtorId),
            ("$created", task.CreatedAt.UtcTicks),
            ("$json", StoreJson.Serialize(task with { Version = null }))) == 1;
    }

    public async Task<StaffTaskRecord?> GetStaffTaskAsync(string id, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(id, nameof(id));
        var found = await ListStaffTasksWhereAsync("id = $key", id, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<StaffTaskRecord> UpdateStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        var expected = ParseVersion(task.Version, "task.Version");
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await ExecuteAsync(
            connection,
            "UPDATE staff_tasks SET status = $status, record_json = $json, version = version + 1 WHERE id = $id AND version = $expected;",
            cancellationToken,
            ("$id", task.Id),
            ("$status", task.Status),
            ("$json", StoreJson.Serialize(task with { Version = null })),
            ("$expected", expected));
        ThrowIfConflict(updated, "Staff task", task.Id, task.Version);
        return task with { Version = FormatVersion(expected + 1) };
    }

    public Task<IReadOnlyList<StaffTaskRecord>> ListOpenStaffTasksAsync(CancellationToken cancellationToken) =>
        ListStaffTasksWhereAsync("status = $key", StaffTaskStatus.Open, cancellationToken);

    public Task<IReadOnlyList<StaffTaskRecord>> ListStaffTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        return ListStaffTasksWhereAsync("debtor_id = $key", debtorId, cancellationToken);
    }

    private async Task<IReadOnlyList<StaffTaskRecord>> ListStaffTasksWhereAsync(string condition, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            $"SELECT record_json, version FROM staff_tasks WHERE {condition} ORDER BY created_ticks, id;",
            ReadVersioned<StaffTaskRecord>((record, version) => record with { Version = version }),
            cancellationToken,
            ("$key", key));
    }
}
