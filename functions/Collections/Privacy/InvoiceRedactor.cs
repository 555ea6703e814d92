using Collections.Activities;
using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Privacy;

/// <summary>
/// Removes one closed invoice's personal data at a <see cref="RedactionLevel"/>: first the workflow's history (it holds
/// copies of everything the workflow saw), then the store (contact log, call tasks, outbox, the invoice), then the audit
/// entry that marks it done. Each step is idempotent, so an interrupted redaction is simply run again.
/// </summary>
public sealed class InvoiceRedactor(ICollectionsStore store, IInvoiceWorkflows workflows)
{
    /// <summary>The redactions already done for the invoice, read from its audit entries.</summary>
    public static RedactionLevel? DoneLevel(IReadOnlyList<ContactLogEntry> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        return contacts.Any(entry => entry.Kind == PrivacyContactKinds.PersonalDataPurged) ? RedactionLevel.PersonalData
            : contacts.Any(entry => entry.Kind == PrivacyContactKinds.NotesPurged) ? RedactionLevel.Notes
            : null;
    }

    /// <summary>When the invoice closed: its last logged event other than a redaction (the close is always logged).</summary>
    public static DateTimeOffset ClosedAt(InvoiceRecord invoice, IReadOnlyList<ContactLogEntry> contacts)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(contacts);
        return contacts.Where(entry => !PrivacyContactKinds.IsPrivacyEntry(entry.Kind)).Select(entry => entry.At).DefaultIfEmpty(invoice.ReceivedAt).Max();
    }

    /// <returns>False when the invoice is still open or its workflow still runs: nothing was changed.</returns>
    public async Task<bool> RedactAsync(InvoiceRecord invoice, RedactionLevel level, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var number = invoice.Invoice.Number;
        if (invoice.Status == InvoiceStatus.Open || !await workflows.PurgeAsync(number, cancellationToken))
        {
            return false;
        }

        var contacts = await store.ListContactsAsync(number, cancellationToken);
        var replaced = new List<ContactLogEntry>();
        var removed = new List<ContactLogEntry>();
        foreach (var entry in contacts)
        {
            var kept = PersonalDataRedaction.Contact(entry, level);
            if (kept is null)
            {
                removed.Add(entry);
            }
            else if (kept != entry)
            {
                replaced.Add(kept);
            }
        }

        var callTasks = await FinishedCallTasksAsync(invoice, cancellationToken);
        var outbox = level == RedactionLevel.PersonalData ? await OutboxOfAsync(number, cancellationToken) : [];
        var audit = new ContactLogEntry(
            PrivacyContactKinds.IdFor(level), number, invoice.Invoice.Debtor.Id, now, PrivacyContactKinds.KindFor(level), why);
        await store.RedactAsync(
            new StoreRedaction(
                level == RedactionLevel.PersonalData ? PersonalDataRedaction.Invoice(invoice) : invoice,
                replaced,
                removed,
                [.. callTasks.Select(PersonalDataRedaction.CallTask).Where((task, index) => task != callTasks[index])],
                [.. outbox.Select(message => message.Id)],
                audit),
            cancellationToken);
        return true;
    }

    /// <summary>The invoice's call tasks once none of the invoices a task covers is open: a shared task keeps its notes
    /// while another of the debtor's invoices is still being chased.</summary>
    private async Task<IReadOnlyList<CallTaskRecord>> FinishedCallTasksAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        var debtorId = invoice.Invoice.Debtor.Id;
        var open = (await store.ListInvoicesOfDebtorAsync(debtorId, cancellationToken))
            .Where(other => other.Status == InvoiceStatus.Open)
            .Select(other => other.Invoice.Number)
            .ToHashSet(StringComparer.Ordinal);
        return [.. (await store.ListCallTasksOfDebtorAsync(debtorId, cancellationToken))
            .Where(task => task.InvoiceNumbers.Contains(invoice.Invoice.Number) && task.Status != CallTaskStatus.Open && !task.InvoiceNumbers.Any(open.Contains))];
    }

    private async Task<IReadOnlyList<OutboxMessage>> OutboxOfAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        foreach (var tag in OutboxTags.Of(invoiceNumber))
        {
            messages.AddRange(await store.ListOutboxOfTagAsync(tag, cancellationToken));
        }

        return messages;
    }
}
