namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Raises an event on a workflow instance only when the instance can take it. Durable Functions drops (or, by
/// SDK version, refuses) events for an instance that does not exist or has finished (design/DURABLE.md); the
/// product records every fact in the store first and a workflow reads it when it starts, so for such an
/// instance the event is skipped instead of failing the request (<c>IInvoiceWorkflows</c>).
/// </summary>
public static class WorkflowEventDelivery
{
    /// <param name="statusAsync">The instance's product status (<see cref="DurableRuntimeStatus"/>), null when it does not exist.</param>
    /// <param name="raiseAsync">Raises the event.</param>
    /// <returns>True when the event was raised; false when the instance cannot take events.</returns>
    public static async Task<bool> RaiseIfActiveAsync(
        Func<CancellationToken, Task<string?>> statusAsync, Func<CancellationToken, Task> raiseAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statusAsync);
        ArgumentNullException.ThrowIfNull(raiseAsync);
        if (await statusAsync(cancellationToken) is not { } status || !DurableRuntimeStatus.IsActive(status))
        {
            return false;
        }

        try
        {
            await raiseAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The instance finished between the two calls: the event is no longer needed.
            if (await statusAsync(cancellationToken) is not { } now || !DurableRuntimeStatus.IsActive(now))
            {
                return false;
            }

            throw;
        }
    }
}
