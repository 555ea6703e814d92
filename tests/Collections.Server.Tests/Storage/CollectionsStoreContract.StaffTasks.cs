using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    private static StaffTaskRecord StaffTask(string id, int minute, string debtorId = "D-1") =>
        new(id, StaffTaskKinds.WrongNumber, "F-1", debtorId, "Wrong phone number: find the right number.", Now.AddMinutes(minute), StaffTaskStatus.Open);

    [Fact]
    public async Task AddStaffTask_SameIdTwice_StoresOnce()
    {
        Assert.True(await Store.AddStaffTaskAsync(StaffTask("s-1", 0), Cancel));
        Assert.False(await Store.AddStaffTaskAsync(StaffTask("s-1", 5) with { Summary = "other" }, Cancel));

        var stored = await Store.GetStaffTaskAsync("s-1", Cancel);
        Assert.Equal("Wrong phone number: find the right number.", stored!.Summary);
        Assert.NotNull(stored.Version);
    }

    [Fact]
    public async Task ListOpenStaffTasks_OldestFirst_ClosedOnesLeave()
    {
        await Store.AddStaffTaskAsync(StaffTask("s-2", 10), Cancel);
        await Store.AddStaffTaskAsync(StaffTask("s-1", 0, debtorId: "D-2"), Cancel);
        await Store.AddStaffTaskAsync(StaffTask("s-3", 20), Cancel);
        var third = (await Store.GetStaffTaskAsync("s-3", Cancel))!;
        await Store.UpdateStaffTaskAsync(third with { Status = StaffTaskStatus.Closed, ClosingNote = "number found", ClosedBy = "anna", ClosedAt = Now }, Cancel);

        Assert.Equal(["s-1", "s-2"], (await Store.ListOpenStaffTasksAsync(Cancel)).Select(task => task.Id));
        Assert.Equal(["s-2", "s-3"], (await Store.ListStaffTasksOfDebtorAsync("D-1", Cancel)).Select(task => task.Id));
        Assert.Equal("number found", (await Store.GetStaffTaskAsync("s-3", Cancel))!.ClosingNote);
    }

    [Fact]
    public async Task UpdateStaffTask_StaleVersion_Conflicts()
    {
        await Store.AddStaffTaskAsync(StaffTask("s-1", 0), Cancel);
        var read = (await Store.GetStaffTaskAsync("s-1", Cancel))!;
        await Store.UpdateStaffTaskAsync(read with { Assignee = "anna" }, Cancel);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.UpdateStaffTaskAsync(read with { Assignee = "bram" }, Cancel));
        Assert.Equal("anna", (await Store.GetStaffTaskAsync("s-1", Cancel))!.Assignee);
    }
}
