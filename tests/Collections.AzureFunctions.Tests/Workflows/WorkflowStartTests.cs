using Collections.AzureFunctions.Workflows;

namespace Collections.AzureFunctions.Tests.Workflows;

public sealed class WorkflowStartTests
{
    private const string Id = "invoice-2026-0042";
    private readonly FakeInstances engine = new();

    [Fact]
    public async Task StartOnce_NewId_SchedulesIt()
    {
        var started = await StartAsync();

        Assert.True(started);
        Assert.Equal([Id], engine.Scheduled);
    }

    [Fact]
    public async Task StartOnce_Repeated_SchedulesOnce()
    {
        await StartAsync();
        var again = await StartAsync();

        Assert.False(again);
        Assert.Single(engine.Scheduled);
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("Failed")]
    [InlineData("Terminated")]
    public async Task StartOnce_FinishedInstance_IsNotRestarted(string status)
    {
        // Durable Task would restart a finished id; the product treats any existing instance as started.
        engine.Set(Id, status);

        var started = await StartAsync();

        Assert.False(started);
        Assert.Empty(engine.Scheduled);
        Assert.Equal(status, engine.StatusOf(Id));
    }

    [Fact]
    public async Task StartOnce_ConcurrentStartWinsTheRace_AlreadyExistsIsSuccess()
    {
        engine.BeforeNextCall = () => engine.Set(Id, DurableRuntimeStatus.Running);

        var started = await StartAsync();

        Assert.False(started);
        Assert.Empty(engine.Scheduled);
    }

    [Fact]
    public async Task StartOnce_ScheduleFailsAndNoInstanceExists_Rethrows()
    {
        var failure = new TimeoutException("task hub unavailable");

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => WorkflowStart.StartOnceAsync(
            _ => engine.ExistsAsync(Id), _ => throw failure, CancellationToken.None));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public async Task StartOnce_Cancelled_DoesNotAskAgain()
    {
        var asked = 0;

        await Assert.ThrowsAsync<OperationCanceledException>(() => WorkflowStart.StartOnceAsync(
            _ =>
            {
                asked++;
                return Task.FromResult(false);
            },
            _ => throw new OperationCanceledException(),
            CancellationToken.None));

        Assert.Equal(1, asked);
    }

    private Task<bool> StartAsync() =>
        WorkflowStart.StartOnceAsync(_ => engine.ExistsAsync(Id), _ => engine.ScheduleAsync(Id), CancellationToken.None);
}
