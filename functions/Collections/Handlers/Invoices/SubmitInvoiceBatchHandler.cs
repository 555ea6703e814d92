namespace Collections.Handlers.Invoices;

/// <summary>
/// Bulk intake (month-end batches, CSV imports): each invoice goes through <see cref="SubmitInvoiceHandler"/>
/// exactly as if it had been posted alone, so validation, idempotency and the one-workflow-per-invoice
/// guarantee are the single submit's. Invoices are handled a few at a time; the outcomes keep the input's order.
/// </summary>
public sealed class SubmitInvoiceBatchHandler(SubmitInvoiceHandler submit)
{
    public const int MaxInvoices = 1_000;

    /// <summary>Enough to keep the store's writer and the workflow starts busy without flooding them.</summary>
    private const int Concurrency = 16;

    /// <param name="invoices">Each invoice's JSON, as the single submit takes it.</param>
    public async Task<IReadOnlyList<HandlerOutcome<InvoiceSummary>>> HandleAsync(
        IReadOnlyList<string> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        if (invoices.Count > MaxInvoices)
        {
            throw new ArgumentException($"At most {MaxInvoices} invoices per batch.", nameof(invoices));
        }

        var outcomes = new HandlerOutcome<InvoiceSummary>[invoices.Count];
        await Parallel.ForAsync(
            0,
            invoices.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (index, token) => outcomes[index] = await submit.HandleAsync(invoices[index], token));
        return outcomes;
    }
}
