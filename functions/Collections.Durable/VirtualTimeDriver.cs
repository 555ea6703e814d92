using Microsoft.Extensions.Time.Testing;

namespace Collections.Durable;

/// <summary>
/// Runs a <see cref="DurableRuntime"/> deterministically under virtual time: no background loop, every step is
/// awaited, and the clock only moves when asked — jumping straight to the next timer or retry. The runtime must
/// be created with a <see cref="FakeTimeProvider"/> and must not be started.
/// </summary>
public sealed class VirtualTimeDriver
{
    private readonly DurableRuntime runtime;

    private VirtualTimeDriver(DurableRuntime runtime, FakeTimeProvider clock)
    {
        this.runtime = runtime;
        Clock = clock;
    }

    /// <summary>The virtual clock.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The current virtual time.</summary>
    public DateTimeOffset UtcNow => Clock.GetUtcNow();

    /// <summary>Takes control of <paramref name="runtime"/>, whose options must carry a <see cref="FakeTimeProvider"/>.</summary>
    public static async Task<VirtualTimeDriver> AttachAsync(DurableRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (runtime.Options.TimeProvider is not FakeTimeProvider clock)
        {
            throw new ArgumentException("The runtime's TimeProvider must be a FakeTimeProvider to be driven in virtual time.", nameof(runtime));
        }

        await runtime.AttachDriverAsync();
        return new VirtualTimeDriver(runtime, clock);
    }

    /// <summary>
    /// Runs until nothing is runnable at the current virtual time: no visible message, no due activity attempt and
    /// no activity running. Activities run as real code; each step waits for them, so results are deterministic.
    /// </summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var progressed = await runtime.StepAsync(cancellationToken);
            await runtime.WhenActivitiesFinishedAsync().WaitAsync(cancellationToken);
            if (!progressed && !runtime.HasRunningActivities)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs until idle, then repeatedly jumps the clock to the next timer or activity retry due at or before
    /// <paramref name="until"/> and runs until idle again; finally sets the clock to <paramref name="until"/>.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await RunUntilIdleAsync(cancellationToken);
        while (await runtime.NextDueTimeAsync(cancellationToken) is { } due && due > Clock.GetUtcNow().UtcDateTime && due <= until.UtcDateTime)
        {
            Clock.SetUtcNow(new DateTimeOffset(due));
            await RunUntilIdleAsync(cancellationToken);
        }

        if (until > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(until);
        }

        await RunUntilIdleAsync(cancellationToken);
    }

    /// <summary>Advances the virtual clock by <paramref name="duration"/> (see <see cref="AdvanceToAsync"/>).</summary>
    public Task AdvanceByAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        AdvanceToAsync(Clock.GetUtcNow() + duration, cancellationToken);
}
