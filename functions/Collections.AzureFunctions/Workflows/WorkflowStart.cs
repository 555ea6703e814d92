namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Starts a workflow instance at most once per id on an engine that answers "already exists" for an active
/// instance (Durable Task; design/DURABLE.md) and would silently restart a finished one. The product's rule
/// (<c>IInvoiceWorkflows.StartAsync</c>): an instance that exists in any state is not started again.
/// </summary>
public static class WorkflowStart
{
    /// <param name="existsAsync">Whether an instance with the id exists, in any state.</param>
    /// <param name="scheduleAsync">Schedules the new instance with the fixed id.</param>
    /// <returns>True when this call started the instance; false when it already existed (also when a
    /// concurrent start won the race and scheduling failed because of it).</returns>
    public static async Task<bool> StartOnceAsync(
        Func<CancellationToken, Task<bool>> existsAsync, Func<CancellationToken, Task> scheduleAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existsAsync);
        ArgumentNullException.ThrowIfNull(scheduleAsync);
        if (await existsAsync(cancellationToken))
        {
            return false;
        }

        try
        {
            await scheduleAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The engine's "already exists" error differs by SDK version (an RpcException or an
            // OrchestrationAlreadyExistsException); asking again is the one answer that does not.
            if (await existsAsync(cancellationToken))
            {
                return false;
            }

            throw;
        }
    }
}
