using Collections.Calendar;

namespace Collections.Workflow;

/// <summary>Waiting: a durable timer raced against the invoice's events; the loser is always cancelled (DURABLE.md).</summary>
public sealed partial class InvoiceWorkflow
{
    private Task<InvoiceEvent?> WaitAsync(DateTime deadlineUtc, Func<InvoiceEvent, bool>? isAwaited = null) =>
        WaitAsync(() => deadlineUtc, isAwaited);

    /// <summary>Waits without a timer for the event <paramref name="isAwaited"/> accepts.</summary>
    private async Task<InvoiceEvent> WaitForEventAsync(Func<InvoiceEvent, bool> isAwaited, bool applyAwaited = false) =>
        (await WaitAsync(null, isAwaited, applyAwaited))!;

    /// <summary>Waits until the deadline (re-read after each event, so an amended due date counts), applying
    /// whatever happens meanwhile; returns the first event <paramref name="isAwaited"/> accepts, or null when
    /// the deadline passed. A dispute or a pause in between pushes the deadline back by its length; while
    /// paused there is no timer at all.</summary>
    private async Task<InvoiceEvent?> WaitAsync(Func<DateTime>? deadline, Func<InvoiceEvent, bool>? isAwaited = null, bool applyAwaited = false)
    {
        var paused = TimeSpan.Zero;
        while (true)
        {
            var received = await NextEventAsync(deadline is null || IsPaused ? null : deadline() + paused);
            if (received is null)
            {
                return null;
            }

            var awaited = isAwaited?.Invoke(received) == true;
            if (!awaited || applyAwaited)
            {
                paused += await ApplyAsync(received);
            }

            if (awaited)
            {
                return received;
            }
        }
    }

    /// <summary>Holds the next step while staff have paused chasing, applying what arrives meanwhile.</summary>
    private async Task WaitWhilePausedAsync()
    {
        while (IsPaused)
        {
            await ApplyAsync((await NextEventAsync(null))!);
        }
    }

    /// <summary>The next event not handled before (by <see cref="InvoiceEvent.EventId"/>), or null at the deadline.</summary>
    private async Task<InvoiceEvent?> NextEventAsync(DateTime? deadlineUtc)
    {
        while (true)
        {
            var received = await NextRaisedAsync(deadlineUtc);
            if (received is null || FirstTimeHandled(received))
            {
                return received;
            }
        }
    }

    private bool FirstTimeHandled(InvoiceEvent received)
    {
        if (received.EventId is not { } id)
        {
            return true;
        }

        if (state.HandledEventIds.Contains(id))
        {
            return false;
        }

        state.HandledEventIds.Add(id);
        if (state.HandledEventIds.Count > InvoiceState.HandledEventIdsKept)
        {
            state.HandledEventIds.RemoveAt(0);
        }

        return true;
    }

    private async Task<InvoiceEvent?> NextRaisedAsync(DateTime? deadlineUtc)
    {
        await StoreStageAsync();
        PublishWait(deadlineUtc, EventName);
        var received = await EventOrDeadlineAsync(deadlineUtc);
        PublishWait(null);
        return received;
    }

    private async Task<InvoiceEvent?> EventOrDeadlineAsync(DateTime? deadlineUtc)
    {
        using var cancel = new CancellationTokenSource();
        var received = context.WaitForExternalEvent<InvoiceEvent>(EventName, cancel.Token);
        if (deadlineUtc is null)
        {
            return await received;
        }

        var timer = context.CreateTimer(deadlineUtc.Value, cancel.Token);
        var first = await Task.WhenAny(received, timer);
        cancel.Cancel();
        return first == received ? await received : null;
    }

    /// <summary>Outages and early wake-ups: act only inside the window, at its next allowed moment.</summary>
    private async Task WaitForAllowedMomentAsync(ContactWindow window)
    {
        for (var next = ContactSchedule.NextAllowed(Now, window); next > Now; next = ContactSchedule.NextAllowed(Now, window))
        {
            await WaitAsync(next);
        }
    }
}
