using Collections.AzureFunctions.Workflows;

namespace Collections.AzureFunctions.Tests.Workflows;

public sealed class DurableWorkflowViewTests
{
    [Fact]
    public void From_RunningWithCustomStatus_ShowsStatusAndStage()
    {
        var view = DurableWorkflowView.From("Running", """{"stage":"friendly-reminder","balance":121.0,"policyVersion":"1"}""", serializedOutput: null);

        Assert.Equal("Running", view.RuntimeStatus);
        Assert.Equal("friendly-reminder", view.Stage);
        Assert.Null(view.NextStep);
        Assert.Null(view.Outcome);
        Assert.Empty(view.WaitingFor);
    }

    [Fact]
    public void From_CustomStatusWithNextStep_ShowsIt()
    {
        var view = DurableWorkflowView.From("Running", """{"stage":"final-notice","next":"hand-over approval"}""", serializedOutput: null);

        Assert.Equal("hand-over approval", view.NextStep);
    }

    [Fact]
    public void From_Completed_ShowsTheResultAsOutcome()
    {
        var view = DurableWorkflowView.From("Completed", """{"stage":"closed"}""", "\"paid\"");

        Assert.Equal("Completed", view.RuntimeStatus);
        Assert.Equal("paid", view.Outcome);
    }

    [Fact]
    public void From_ContinuedAsNewWithoutCustomStatus_IsRunningWithoutStage()
    {
        var view = DurableWorkflowView.From("ContinuedAsNew", serializedCustomStatus: null, serializedOutput: null);

        Assert.Equal("Running", view.RuntimeStatus);
        Assert.Null(view.Stage);
    }

    [Fact]
    public void From_OutputOfAFailedInstance_IsNoOutcome()
    {
        var view = DurableWorkflowView.From("Failed", serializedCustomStatus: null, "\"paid\"");

        Assert.Null(view.Outcome);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("\"just a string\"")]
    [InlineData("""{"stage":{"nested":true}}""")]
    public void From_UnreadableCustomStatus_HasNoStage(string customStatus) =>
        Assert.Null(DurableWorkflowView.From("Running", customStatus, serializedOutput: null).Stage);

    [Fact]
    public void From_CustomStatusWithTheWait_ShowsNextStepTimeAndAwaitedEvents()
    {
        var view = DurableWorkflowView.From(
            "Running", """{"stage":"friendly-reminder","nextStepAt":"2026-03-09T09:00:00Z","waitingFor":["invoice-event"]}""", serializedOutput: null);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), view.NextStepAt);
        Assert.Equal(["invoice-event"], view.WaitingFor);
    }

    [Fact]
    public void From_CustomStatusWaitingWithoutTimer_HasNoNextStepTime()
    {
        var view = DurableWorkflowView.From("Running", """{"stage":"call","nextStepAt":null,"waitingFor":["invoice-event"]}""", serializedOutput: null);

        Assert.Null(view.NextStepAt);
        Assert.Equal(["invoice-event"], view.WaitingFor);
    }
}
