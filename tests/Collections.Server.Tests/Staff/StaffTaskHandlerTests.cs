using Collections.Handlers;
using Collections.Handlers.Tasks;
using Collections.Infrastructure.Storage;
using Collections.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Tests.Staff;

public sealed class StaffTaskHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("staff-tasks-").FullName;
    private readonly SqliteCollectionsStore _store;
    private readonly FakeTimeProvider _time = new(Now);
    private readonly StaffTaskHandler _handler;

    public StaffTaskHandlerTests()
    {
        _store = new SqliteCollectionsStore(Path.Combine(_folder, "collections.db"));
        _handler = new StaffTaskHandler(_store, _time);
        _store.AddStaffTaskAsync(new StaffTaskRecord("s-1", StaffTaskKinds.Overpayment, "F-1", "D-1", "Overpaid", Now.AddHours(-1), StaffTaskStatus.Open), default).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Close_WithNote_RecordsWhoWhenAndWhat()
    {
        _time.Advance(TimeSpan.FromMinutes(5));

        var outcome = await _handler.CloseAsync("s-1", "  Refunded €712.50. ", "sanne", default);

        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        var stored = (await _store.GetStaffTaskAsync("s-1", default))!;
        Assert.Equal((StaffTaskStatus.Closed, "Refunded €712.50.", "sanne", Now.AddMinutes(5)), (stored.Status, stored.ClosingNote, stored.ClosedBy, stored.ClosedAt));
        Assert.Empty(await _store.ListOpenStaffTasksAsync(default));
    }

    [Fact]
    public async Task Close_SameNoteAgain_OkAndUnchanged_OtherNote_Conflict()
    {
        await _handler.CloseAsync("s-1", "Refunded.", "sanne", default);
        var first = await _store.GetStaffTaskAsync("s-1", default);

        var again = await _handler.CloseAsync("s-1", "Refunded.", "joris", default);
        var other = await _handler.CloseAsync("s-1", "Offset against F-2.", "joris", default);

        Assert.Equal(OutcomeKind.Ok, again.Kind);
        Assert.Equal(OutcomeKind.Conflict, other.Kind);
        Assert.Equal(first, await _store.GetStaffTaskAsync("s-1", default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Close_WithoutNote_InvalidNamingTheFieldNothingChanged(string? note)
    {
        var outcome = await _handler.CloseAsync("s-1", note, "sanne", default);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("note", outcome.Errors!.Keys);
        Assert.Equal(StaffTaskStatus.Open, (await _store.GetStaffTaskAsync("s-1", default))!.Status);
    }

    [Fact]
    public async Task Assign_OpenTask_StoresAssignee_UnknownTask_NotFound()
    {
        Assert.Equal(OutcomeKind.Ok, (await _handler.AssignAsync("s-1", "joris", default)).Kind);
        Assert.Equal("joris", (await _store.GetStaffTaskAsync("s-1", default))!.Assignee);
        Assert.Equal(OutcomeKind.NotFound, (await _handler.AssignAsync("s-404", "joris", default)).Kind);
    }

    [Fact]
    public async Task Assign_ClosedTask_Conflict()
    {
        await _handler.CloseAsync("s-1", "Done.", "sanne", default);

        Assert.Equal(OutcomeKind.Conflict, (await _handler.AssignAsync("s-1", "joris", default)).Kind);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
