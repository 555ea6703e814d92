namespace Collections.Handlers.Deliveries;

/// <summary>Tells the workflow that sent a message that it did not arrive, so it can switch channel or
/// flag the contact data. Reports are delivered at least once; the workflow engine drops a report id it
/// has seen before.</summary>
public sealed class DeliveryFailureHandler(IInvoiceWorkflows workflows)
{
    public async Task<int> HandleAsync(IEnumerable<DeliveryFailure> failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var raised = 0;
        foreach (var failure in failures)
        {
            await workflows.DeliveryFailedAsync(failure, cancellationToken);
            raised++;
        }

        return raised;
    }
}
