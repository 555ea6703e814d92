using Azure.Data.Tables;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <remarks>Staff tasks: one partition per task (PK = id, RK = ""); the inbox and the debtor view are filtered
/// queries on Status and DebtorId, as for call tasks (sets bounded by what people handle).</remarks>
public sealed partial class TableCollectionsStore
{
    public async Task<bool> AddStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        await EnsureTablesAsync(cancellationToken);
        return await TryAddAsync(_staffTasks, StaffTaskEntity(task), cancellationToken) is not null;
    }

    public async Task<StaffTaskRecord?> GetStaffTaskAsync(string id, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(id, nameof(id));
        await EnsureTablesAsync(cancellationToken);
        return await GetVersionedAsync<StaffTaskRecord>(
            _staffTasks, TableKeys.Escape(id, nameof(id)), Single, (record, version) => record with { Version = version }, cancellationToken);
    }

    public async Task<StaffTaskRecord> UpdateStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        var expected = StoreArguments.RequireVersion(task.Version, "task.Version");
        await EnsureTablesAsync(cancellationToken);
        var version = await ReplaceAsync(_staffTasks, StaffTaskEntity(task), expected, "Staff task", task.Id, cancellationToken);
        return task with { Version = version };
    }

    public Task<IReadOnlyList<StaffTaskRecord>> ListOpenStaffTasksAsync(CancellationToken cancellationToken) =>
        QueryStaffTasksAsync(TableClient.CreateQueryFilter($"Status eq {StaffTaskStatus.Open}"), cancellationToken);

    public Task<IReadOnlyList<StaffTaskRecord>> ListStaffTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        return QueryStaffTasksAsync(TableClient.CreateQueryFilter($"DebtorId eq {debtorId}"), cancellationToken);
    }

    private async Task<IReadOnlyList<StaffTaskRecord>> QueryStaffTasksAsync(string filter, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var tasks = new List<StaffTaskRecord>();
        await foreach (var entity in _staffTasks.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            tasks.Add(TablePayload.Read<StaffTaskRecord>(entity) with { Version = entity.ETag.ToString() });
        }

        return [.. tasks.OrderBy(task => task.CreatedAt.UtcTicks).ThenBy(task => task.Id, CodePointOrder.Instance)];
    }

    private static TableEntity StaffTaskEntity(StaffTaskRecord task)
    {
        var entity = new TableEntity(TableKeys.Escape(task.Id, "task.Id"), Single)
        {
            ["Status"] = task.Status,
            ["DebtorId"] = task.DebtorId,
        };
        TablePayload.Write(entity, task with { Version = null }, nameof(task));
        return entity;
    }
}
