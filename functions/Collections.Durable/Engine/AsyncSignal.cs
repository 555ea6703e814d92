namespace Collections.Durable.Engine;

/// <summary>
/// Wakes the dispatcher. Take <see cref="WaitTask"/> before looking for work, then wait on it: a
/// <see cref="Set"/> in between is never lost.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitTask => Volatile.Read(ref current).Task;

    public void Set() =>
        Interlocked.Exchange(ref current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
