using System.Collections.Concurrent;

namespace Collections.Activities;

/// <summary>Lets one activity at a time decide about contact with a debtor (one voice per debtor), so two
/// invoices' reminders at the same moment become one message. In-process: the embedded runtime is one node.</summary>
public sealed class DebtorGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string debtorId)
    {
        var gate = gates.GetOrAdd(debtorId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
