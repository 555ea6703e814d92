using System.Globalization;
using Collections.Contacts;
using Collections.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>
/// The debtor gives or withdraws their WhatsApp opt-in on their page (docs/whatsapp.md). The opt-in belongs to the debtor,
/// so it changes on every open invoice of the debtor, each stored first, logged with its date and source, then told to its
/// workflow. Giving it there also makes WhatsApp the preferred channel; an opt-in already given is kept with its own date.
/// Repeating the request changes nothing more and reaches no workflow twice.
/// </summary>
public sealed class WhatsAppConsentHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    /// <summary>The contact-log kind of a change (no personal data in its summary).</summary>
    public const string ContactKind = "whatsapp-consent";

    public const string DebtorPageSource = "debtor-page";

    private const int MaxAttempts = 5;

    public async Task<HandlerOutcome<InvoiceSummary>> HandleAsync(string invoiceNumber, bool given, CancellationToken cancellationToken)
    {
        var invoice = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
        if (invoice is null)
        {
            return Outcome.NotFound<InvoiceSummary>($"Invoice {invoiceNumber} is not known.");
        }

        if (invoice.Status != InvoiceStatus.Open)
        {
            return Outcome.Conflict<InvoiceSummary>($"Invoice {invoiceNumber} is {invoice.Status}; the WhatsApp opt-in changes only while it is open.");
        }

        if (given && !PhoneNumberNormalizer.CanReceiveSms(invoice.Invoice.Debtor.Phone))
        {
            return Outcome.Invalid<InvoiceSummary>("whatsApp", "WhatsApp needs a mobile number, and the debtor has none.");
        }

        var optIn = given ? new WhatsAppOptIn(time.GetUtcNow(), DebtorPageSource) : null;
        InvoiceRecord? requested = null;
        foreach (var open in (await store.ListInvoicesOfDebtorAsync(invoice.Invoice.Debtor.Id, cancellationToken)).Where(record => record.Status == InvoiceStatus.Open))
        {
            var changed = await ChangeAsync(open.Invoice.Number, optIn, cancellationToken);
            if (changed is not null)
            {
                await workflows.WhatsAppConsentChangedAsync(changed, cancellationToken);
            }

            requested = open.Invoice.Number == invoiceNumber ? changed ?? open : requested;
        }

        return Outcome.Ok(InvoiceSummary.From(requested ?? invoice));
    }

    /// <summary>Stores the opt-in on one invoice and logs it; null when the invoice had that consent already.</summary>
    private async Task<InvoiceRecord?> ChangeAsync(string invoiceNumber, WhatsAppOptIn? optIn, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = (await store.GetInvoiceAsync(invoiceNumber, cancellationToken))!;
            var debtor = record.Invoice.Debtor;
            if ((optIn is null) == (debtor.WhatsAppOptIn is null))
            {
                return null;
            }

            var changedDebtor = debtor with
            {
                WhatsAppOptIn = optIn,
                PreferredChannel = optIn is null ? debtor.PreferredChannel : Channel.WhatsApp,
            };
            try
            {
                var changed = await store.UpdateInvoiceAsync(record with { Invoice = record.Invoice with { Debtor = changedDebtor } }, cancellationToken);
                var now = time.GetUtcNow();
                await store.AppendContactAsync(
                    new ContactLogEntry($"{ContactKind}:{invoiceNumber}:{changed.Version}", invoiceNumber, debtor.Id, now, ContactKind, Describe(debtor.WhatsAppOptIn, optIn, now)),
                    cancellationToken);
                return changed;
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                // The invoice changed meanwhile (a payment, the workflow): read it again.
            }
        }
    }

    private static string Describe(WhatsAppOptIn? before, WhatsAppOptIn? after, DateTimeOffset now) => after is not null
        ? string.Create(CultureInfo.InvariantCulture, $"WhatsApp opt-in given on the debtor page on {now:yyyy-MM-dd HH:mm} UTC (source {after.Source}); messages go by WhatsApp.")
        : string.Create(CultureInfo.InvariantCulture, $"WhatsApp opt-in (given {before!.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC, source {before.Source}) withdrawn on the debtor page on {now:yyyy-MM-dd HH:mm} UTC; messages go by SMS.");
}
