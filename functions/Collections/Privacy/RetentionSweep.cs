using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Privacy;

/// <summary>
/// The daily retention job (a hosted service on the server, a timer trigger on Azure): every closed invoice whose
/// retention period has passed is redacted (<see cref="InvoiceRedactor"/>). Idempotent and resumable: what is done is
/// marked in the invoice's contact log, so a second run, or a run after a crash, does only what is left.
/// </summary>
public sealed class RetentionSweep(ICollectionsStore store, InvoiceRedactor redactor, RetentionOptions options)
{
    private const int PageSize = 200;

    private static readonly string[] ClosedStatuses =
        [InvoiceStatus.Paid, InvoiceStatus.Cancelled, InvoiceStatus.HandedOver, InvoiceStatus.ClosedByStaff];

    /// <summary>The dry run: what a sweep at <paramref name="now"/> would redact, changing nothing.</summary>
    public async Task<IReadOnlyList<RetentionItem>> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<RetentionItem>();
        await foreach (var (_, item) in DueAsync(now, cancellationToken))
        {
            due.Add(item);
        }

        return due;
    }

    public async Task<RetentionReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var done = new List<RetentionItem>();
        var waiting = new List<RetentionItem>();
        await foreach (var (invoice, item) in DueAsync(now, cancellationToken))
        {
            var why = item.Level == RedactionLevel.Notes
                ? $"Call notes and reasons removed {options.NotesDays} days after the close (retention policy, GDPR art. 5(1)(e))."
                : $"Personal data removed {options.PersonalDataDays} days after the close (retention policy, GDPR art. 5(1)(e)); the proof is kept.";
            try
            {
                (await redactor.RedactAsync(invoice, item.Level, why, now, cancellationToken) ? done : waiting).Add(item);
            }
            catch (StoreConflictException)
            {
                // The invoice changed while it was read: the next sweep redacts it.
                waiting.Add(item);
            }
        }

        return new RetentionReport(now, done, waiting);
    }

    private async IAsyncEnumerable<(InvoiceRecord Invoice, RetentionItem Item)> DueAsync(
        DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var status in ClosedStatuses)
        {
            // Redaction never changes an invoice's status, so paging stays stable while the sweep writes.
            for (var page = 1; ; page++)
            {
                var invoices = await store.ListInvoicesAsync(status, page, PageSize, cancellationToken);
                foreach (var invoice in invoices.Items)
                {
                    var contacts = await store.ListContactsAsync(invoice.Invoice.Number, cancellationToken);
                    if (Due(invoice, contacts, now) is { } item)
                    {
                        yield return (invoice, item);
                    }
                }

                if (page * PageSize >= invoices.TotalCount)
                {
                    break;
                }
            }
        }
    }

    private RetentionItem? Due(InvoiceRecord invoice, IReadOnlyList<ContactLogEntry> contacts, DateTimeOffset now)
    {
        var done = InvoiceRedactor.DoneLevel(contacts);
        var closedAt = InvoiceRedactor.ClosedAt(invoice, contacts);
        var personalDataDue = closedAt.AddDays(options.PersonalDataDays);
        var notesDue = closedAt.AddDays(options.NotesDays);
        return done == RedactionLevel.PersonalData ? null
            : now >= personalDataDue ? new RetentionItem(invoice.Invoice.Number, RedactionLevel.PersonalData, closedAt, personalDataDue)
            : done is null && now >= notesDue ? new RetentionItem(invoice.Invoice.Number, RedactionLevel.Notes, closedAt, notesDue)
            : null;
    }
}

/// <param name="DueAt">When the retention period for <paramref name="Level"/> ended.</param>
public sealed record RetentionItem(string InvoiceNumber, RedactionLevel Level, DateTimeOffset ClosedAt, DateTimeOffset DueAt);

/// <param name="Waiting">Due but left for the next sweep: the workflow still runs, or the invoice changed meanwhile.</param>
public sealed record RetentionReport(DateTimeOffset At, IReadOnlyList<RetentionItem> Redacted, IReadOnlyList<RetentionItem> Waiting);
