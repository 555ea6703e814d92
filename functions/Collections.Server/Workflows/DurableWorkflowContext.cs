using Collections.Durable;
using Collections.Workflow;

namespace Collections.Server.Workflows;

/// <summary>The embedded runtime's orchestration context seen through the workflow port. Thin on purpose:
/// the port mirrors Durable Task, and so does the runtime.</summary>
public sealed class DurableWorkflowContext(OrchestrationContext context) : IWorkflowContext
{
    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public async Task<T> CallActivityAsync<T>(string name, object? input = null, RetryPolicy? retry = null)
    {
        try
        {
            return await context.CallActivityAsync<T>(name, input, retry is null ? null : new ActivityRetryOptions(
                retry.MaxAttempts, retry.FirstInterval, retry.BackoffCoefficient, retry.MaxInterval, retry.Timeout));
        }
        catch (TaskFailedException failed)
        {
            throw ActivityFailedException.For(failed.ActivityName, failed.Failure.ErrorType, failed.Failure.ErrorMessage, failed);
        }
    }

    public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellation) => context.CreateTimer(fireAtUtc, cancellation);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellation) =>
        context.WaitForExternalEvent<T>(eventName, cancellation);

    public void SetCustomStatus(object? status) => context.SetCustomStatus(status);

    public void ContinueAsNew(object? input) => context.ContinueAsNew(input);

    public Guid NewGuid() => context.NewGuid();
}
