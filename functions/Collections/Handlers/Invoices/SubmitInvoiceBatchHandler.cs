using Collections.Intake;
using Collections.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>
/// Bulk intake (month-end batches, CSV imports) with the single submit's rules per invoice — validation, the
/// debtor's WhatsApp decision carried over, idempotency on the invoice number and its canonical hash, the balance
/// counting payments that came first, one workflow per invoice — but in bulk: the valid invoices are stored with
/// one <see cref="ICollectionsStore.AddInvoicesAsync"/> and their workflows started with one
/// <see cref="IInvoiceWorkflows.StartManyAsync"/>. The outcomes keep the input's order and are only returned once
/// both have succeeded, so an acknowledged invoice is stored and started; a crash in between heals with the
/// client's retry of the same batch (stored invoices answer Ok and get their workflow, never a second one).
/// </summary>
public sealed class SubmitInvoiceBatchHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    public const int MaxInvoices = 1_000;

    /// <summary>The per-invoice reads (carried-over decision, payments) in flight at once.</summary>
    private const int ReadConcurrency = 16;

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
        var valid = new List<(int Index, Invoice Invoice, string Hash)>(invoices.Count);
        for (var index = 0; index < invoices.Count; index++)
        {
            var intake = InvoiceRequestValidator.Validate(invoices[index]);
            if (intake.IsValid)
            {
                valid.Add((index, intake.Invoice, intake.Hash));
            }
            else
            {
                outcomes[index] = new HandlerOutcome<InvoiceSummary>(OutcomeKind.Invalid, Errors: intake.Errors);
            }
        }

        // One candidate per number (its first valid occurrence); a repeat within the batch is judged against what got stored.
        var numbers = valid.GroupBy(item => item.Invoice.Number, StringComparer.Ordinal).Select(number => number.ToList()).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken };
        var candidates = new InvoiceRecord[numbers.Count];
        var now = time.GetUtcNow();
        await Parallel.ForAsync(0, numbers.Count, parallel, async (position, token) =>
        {
            var (_, posted, hash) = numbers[position][0];
            var invoice = await WhatsAppConsentCarryOver.ApplyAsync(store, posted, token);
            candidates[position] = new InvoiceRecord(invoice, hash, now, InvoiceStatus.Open, invoice.Amount);
        });

        var added = await store.AddInvoicesAsync(candidates, cancellationToken);
        var accepted = Enumerable.Range(0, numbers.Count)
            .Where(position => numbers[position].Any(item => item.Hash == added[position].Record.BodyHash))
            .ToList();

        // Payments may have arrived before the invoice (webhooks race the accounting system): count them.
        var refreshed = new InvoiceRecord[numbers.Count];
        await Parallel.ForEachAsync(accepted, parallel, async (position, token) =>
            refreshed[position] = await InvoiceBalance.RefreshAsync(store, candidates[position].Invoice.Number, token));
        await workflows.StartManyAsync([.. accepted.Select(position => refreshed[position])], cancellationToken);

        for (var position = 0; position < numbers.Count; position++)
        {
            var stored = added[position];
            var created = stored.Added;
            foreach (var (index, _, hash) in numbers[position])
            {
                if (hash != stored.Record.BodyHash)
                {
                    outcomes[index] = SubmitInvoiceHandler.OtherContents(stored.Record.Invoice.Number);
                    continue;
                }

                var summary = InvoiceSummary.From(refreshed[position]);
                outcomes[index] = created ? Outcome.Created(summary) : Outcome.Ok(summary);
                created = false;
            }
        }

        return outcomes;
    }
}
