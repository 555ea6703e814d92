using Collections.Workflow;
using Microsoft.DurableTask;
using DurableRetryPolicy = Microsoft.DurableTask.RetryPolicy;
using RetryPolicy = Collections.Workflow.RetryPolicy;

namespace Collections.AzureFunctions.Workflows;

/// <summary>Durable Task's orchestration context seen through the workflow port; one line per member.</summary>
public sealed class TaskOrchestrationWorkflowContext(TaskOrchestrationContext context) : IWorkflowContext
{
    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public async Task<T> CallActivityAsync<T>(string name, object? input = null, RetryPolicy? retry = null)
    {
        try
        {
            return await context.CallActivityAsync<T>(name, input, retry is null ? null : TaskOptions.FromRetryPolicy(ToDurable(DurableRetry.From(retry))));
        }
        catch (TaskFailedException failed)
        {
            throw ActivityFailedException.For(failed.TaskName, failed.FailureDetails.ErrorType, failed.FailureDetails.ErrorMessage, failed);
        }
    }

    public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellation) => context.CreateTimer(fireAtUtc, cancellation);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellation) =>
        context.WaitForExternalEvent<T>(eventName, cancellation);

    public void SetCustomStatus(object? status) => context.SetCustomStatus(status);

    // Buffered events that the workflow has not taken yet go with it into the new run (design/DURABLE.md).
    public void ContinueAsNew(object? input) => context.ContinueAsNew(input, preserveUnprocessedEvents: true);

    public Guid NewGuid() => context.NewGuid();

    private static DurableRetryPolicy ToDurable(DurableRetry retry) => new(
        retry.MaxNumberOfAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval, retry.RetryTimeout);
}
