namespace Collections.Durable.Engine;

/// <summary>
/// Runs orchestrator continuations on the turn's own thread, one after another, so a turn is a deterministic
/// single-threaded computation: after each history event the queue is drained before the next is applied.
/// </summary>
internal sealed class TurnSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> queue = new();

    public override void Post(SendOrPostCallback d, object? state) => queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations (and the ones they queue) until none is left.</summary>
    public void Drain()
    {
        while (queue.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }

    /// <summary>Runs <paramref name="action"/> with this context current on the calling thread, then drains.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            Drain();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
