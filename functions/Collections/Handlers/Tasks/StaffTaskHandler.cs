using Collections.Storage;

namespace Collections.Handlers.Tasks;

/// <summary>Works a staff task from the inbox: assign it to a staff member, close it with a note saying what was
/// done. Closing records who closed it and when; closing a closed task again with the same note changes nothing
/// (a repeated form post), with another note it is refused.</summary>
public sealed class StaffTaskHandler(ICollectionsStore store, TimeProvider time)
{
    public const int MaxNoteLength = 2000;
    private const int MaxNameLength = 200;
    private const int MaxAttempts = 5;

    public Task<HandlerOutcome<StaffTaskRecord>> AssignAsync(string taskId, string? assignee, CancellationToken cancellationToken)
    {
        var name = assignee?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Task.FromResult(Outcome.Invalid<StaffTaskRecord>("assignee", $"Give the staff member's name (at most {MaxNameLength} characters)."));
        }

        return ChangeAsync(taskId, task => task.Status == StaffTaskStatus.Closed
            ? (null, $"Task {taskId} is closed; a closed task is not assigned.")
            : (task with { Assignee = name }, null), cancellationToken);
    }

    public Task<HandlerOutcome<StaffTaskRecord>> CloseAsync(string taskId, string? note, string by, CancellationToken cancellationToken)
    {
        var text = note?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxNoteLength)
        {
            return Task.FromResult(Outcome.Invalid<StaffTaskRecord>("note", $"Say what was done (at most {MaxNoteLength} characters)."));
        }

        return ChangeAsync(taskId, task => task.Status == StaffTaskStatus.Closed
            ? task.ClosingNote == text ? (task, null) : (null, $"Task {taskId} was already closed by {task.ClosedBy}.")
            : (task with { Status = StaffTaskStatus.Closed, ClosingNote = text, ClosedBy = by, ClosedAt = time.GetUtcNow(), Assignee = task.Assignee ?? by }, null),
            cancellationToken);
    }

    private async Task<HandlerOutcome<StaffTaskRecord>> ChangeAsync(
        string taskId, Func<StaffTaskRecord, (StaffTaskRecord? Changed, string? Conflict)> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var task = await store.GetStaffTaskAsync(taskId, cancellationToken);
            if (task is null)
            {
                return Outcome.NotFound<StaffTaskRecord>($"Staff task {taskId} is not known.");
            }

            var (changed, conflict) = change(task);
            if (conflict is not null)
            {
                return Outcome.Conflict<StaffTaskRecord>(conflict);
            }

            if (changed == task)
            {
                return Outcome.Ok(task);
            }

            try
            {
                return Outcome.Ok(await store.UpdateStaffTaskAsync(changed!, cancellationToken));
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed the task meanwhile: decide again on what they stored.
            }
        }
    }
}
