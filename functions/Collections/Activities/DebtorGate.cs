using System.Collections.Concurrent;
using Collections.Storage;

namespace Collections.Activities;

/// <summary>
/// Lets one activity at a time decide about contact with a debtor (one voice per debtor), so two invoices'
/// reminders at the same moment become one message and one call task — whichever process or instance runs them.
/// The turn is a lease in the shared store (<see cref="ICollectionsStore.TryAcquireLeaseAsync"/>); a semaphore per
/// debtor keeps the activities of one process from polling the store for a turn their neighbour holds.
/// </summary>
public sealed class DebtorGate(ICollectionsStore store)
{
    /// <summary>Longer than a turn takes (a few store reads, a render, one send with its own timeout); a holder that
    /// crashed frees the debtor after this.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    // Leases are about real processes running at the same moment, so they use the machine's clock even where
    // the workflows run on virtual time.
    private readonly TimeProvider clock = TimeProvider.System;

    /// <summary>Waits for the debtor's turn; throws <see cref="TimeoutException"/> (the activity is retried) when
    /// another holder keeps it for longer than a lease lasts.</summary>
    public async Task<IAsyncDisposable> EnterAsync(string debtorId)
    {
        var gate = gates.GetOrAdd(debtorId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var name = "debtor:" + debtorId;
            var holder = Guid.NewGuid().ToString("N");
            var giveUp = clock.GetUtcNow() + LeaseTime + LeaseTime;
            while (true)
            {
                var now = clock.GetUtcNow();
                if (await store.TryAcquireLeaseAsync(name, holder, now, now + LeaseTime, CancellationToken.None))
                {
                    return new Turn(store, name, holder, gate);
                }

                if (now > giveUp)
                {
                    throw new TimeoutException($"Debtor {debtorId}: another instance kept the contact turn for over {LeaseTime + LeaseTime}.");
                }

                await Task.Delay(Poll, clock);
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private sealed class Turn(ICollectionsStore store, string name, string holder, SemaphoreSlim gate) : IAsyncDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) != 0)
            {
                return;
            }

            try
            {
                await store.ReleaseLeaseAsync(name, holder, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
