using Collections.AzureFunctions.Workflows;

namespace Collections.AzureFunctions.Tests.Workflows;

public sealed class WorkflowEventDeliveryTests
{
    private const string Id = "invoice-2026-0042";
    private readonly FakeInstances engine = new();

    [Theory]
    [InlineData("Pending")]
    [InlineData("Running")]
    [InlineData("Suspended")]
    public async Task RaiseIfActive_ActiveInstance_DeliversTheEvent(string status)
    {
        engine.Set(Id, status);

        var delivered = await RaiseAsync("payment-1");

        Assert.True(delivered);
        Assert.Equal([(Id, "payment-1")], engine.Raised);
    }

    [Fact]
    public async Task RaiseIfActive_InstanceNotStarted_SkipsWithoutFailing()
    {
        var delivered = await RaiseAsync("payment-1");

        Assert.False(delivered);
        Assert.Empty(engine.Raised);
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("Failed")]
    [InlineData("Terminated")]
    public async Task RaiseIfActive_FinishedInstance_SkipsWithoutFailing(string status)
    {
        engine.Set(Id, status);

        var delivered = await RaiseAsync("payment-1");

        Assert.False(delivered);
        Assert.Empty(engine.Raised);
    }

    [Fact]
    public async Task RaiseIfActive_InstanceFinishesBeforeTheRaise_SkipsWithoutFailing()
    {
        engine.Set(Id, DurableRuntimeStatus.Running);
        engine.BeforeNextCall = () => engine.Set(Id, DurableRuntimeStatus.Completed);

        var delivered = await RaiseAsync("payment-1");

        Assert.False(delivered);
    }

    [Fact]
    public async Task RaiseIfActive_RaiseFailsWhileStillActive_Rethrows()
    {
        engine.Set(Id, DurableRuntimeStatus.Running);

        await Assert.ThrowsAsync<TimeoutException>(() => WorkflowEventDelivery.RaiseIfActiveAsync(
            _ => engine.StatusAsync(Id), _ => throw new TimeoutException("task hub unavailable"), CancellationToken.None));
    }

    private Task<bool> RaiseAsync(string payload) =>
        WorkflowEventDelivery.RaiseIfActiveAsync(_ => engine.StatusAsync(Id), _ => engine.RaiseAsync(Id, payload), CancellationToken.None);
}
