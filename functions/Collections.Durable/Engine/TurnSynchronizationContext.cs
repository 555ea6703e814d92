namespace Collections.Durable.Engine;

/// <summary>
/// Runs orchestrator continuations on the turn's own thread, one after another, so a turn is a deterministic
/// single-threaded computation: after each history event the queue is drained before the next is applied.
/// A continuation or cancellation callback arriving from another thread (orchestrator code that used
/// <c>CancellationTokenSource.CancelAsync</c>, <c>Task.Run</c>, <c>Task.Delay</c> or <c>ConfigureAwait(false)</c>)
/// is not run; it is recorded so the instance fails loudly instead of behaving differently on replay.
/// </summary>
internal sealed class TurnSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> queue = new();
    private int ownerThread;

    /// <summary>True once code tried to continue on a thread other than the turn's.</summary>
    public bool ForeignThreadDetected { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (!OnTurnThread())
        {
            return;
        }

        queue.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (OnTurnThread())
        {
            d(state);
        }
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> with this context current on the calling thread, then drains the queue.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        Volatile.Write(ref ownerThread, Environment.CurrentManagedThreadId);
        SetSynchronizationContext(this);
        try
        {
            action();
            while (queue.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
            Volatile.Write(ref ownerThread, 0);
        }
    }

    private bool OnTurnThread()
    {
        if (Volatile.Read(ref ownerThread) == Environment.CurrentManagedThreadId)
        {
            return true;
        }

        ForeignThreadDetected = true;
        return false;
    }
}
