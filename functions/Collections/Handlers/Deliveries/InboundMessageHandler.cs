using Collections.Activities;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Deliveries;

/// <summary>Puts what a debtor wrote on the contact log of each of their open invoices ("the debtor wrote"), where staff
/// see it on the call list and the invoice page; it also opens WhatsApp's free-text window for our next message.
/// The sender is known by the number our WhatsApp messages went to; a number we never wrote to is not routed.
/// Entries are keyed by the event id, so a redelivered event adds nothing.</summary>
public sealed class InboundMessageHandler(ICollectionsStore store, TimeProvider timeProvider)
{
    private const int SummaryLength = 120;

    /// <returns>How many messages were routed to a debtor.</returns>
    public async Task<int> HandleAsync(IEnumerable<InboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var routed = 0;
        foreach (var message in messages)
        {
            var debtorId = await store.FindSentMessageTagAsync(WhatsAppMessages.DebtorKey(message.From), cancellationToken);
            if (debtorId is null)
            {
                continue;
            }

            var invoices = await store.ListInvoicesOfDebtorAsync(debtorId, cancellationToken);
            var open = invoices.Where(record => record.Status == InvoiceStatus.Open).ToList();
            var about = open.Count > 0 ? open : [.. invoices.OrderByDescending(record => record.Invoice.IssueDate).Take(1)];
            var summary = "The debtor wrote (per WhatsApp): " + (message.Text.Length <= SummaryLength ? message.Text : message.Text[..SummaryLength] + "…");
            foreach (var record in about)
            {
                await store.AppendContactAsync(
                    new ContactLogEntry($"inbound:{message.EventId}:{record.Invoice.Number}", record.Invoice.Number, debtorId,
                        message.At ?? timeProvider.GetUtcNow(), ContactKinds.DebtorWrote, summary, message.Channel, null, message.Text, null),
                    cancellationToken);
            }

            routed++;
        }

        return routed;
    }
}
