namespace Collections.Storage;

public partial interface ICollectionsStore
{
    /// <summary>Adds the staff task once per Id; false if it already exists.</summary>
    Task<bool> AddStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken);

    Task<StaffTaskRecord?> GetStaffTaskAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the task if its Version still matches; returns it with the new Version.</summary>
    Task<StaffTaskRecord> UpdateStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken);

    /// <summary>Open staff tasks, oldest CreatedAt first (ties by Id).</summary>
    Task<IReadOnlyList<StaffTaskRecord>> ListOpenStaffTasksAsync(CancellationToken cancellationToken);

    /// <summary>The debtor's staff tasks, open and closed, oldest CreatedAt first (ties by Id).</summary>
    Task<IReadOnlyList<StaffTaskRecord>> ListStaffTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken);
}
