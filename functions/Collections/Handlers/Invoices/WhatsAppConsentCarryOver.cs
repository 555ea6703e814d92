using Collections.Contacts;
using Collections.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>
/// The debtor's own WhatsApp decision on their page outlives the invoice it was made on: a later invoice from the
/// accounting system for the same debtor and number gets the opt-in given there when it carries none, and loses an
/// opt-in older than a withdrawal made there. The debtor's latest page decision is the debtor's latest
/// <see cref="WhatsAppConsentHandler.ContactKind"/> entry; what it decided is on the invoice it was made on.
/// </summary>
internal static class WhatsAppConsentCarryOver
{
    public static async Task<Invoice> ApplyAsync(ICollectionsStore store, Invoice invoice, CancellationToken cancellationToken)
    {
        var debtor = invoice.Debtor;
        var decision = (await store.ListContactsOfDebtorAsync(debtor.Id, cancellationToken))
            .LastOrDefault(entry => entry.Kind == WhatsAppConsentHandler.ContactKind && entry.InvoiceNumber != invoice.Number);
        if (decision is null || await store.GetInvoiceAsync(decision.InvoiceNumber, cancellationToken) is not { } decidedOn
            || !SameNumber(decidedOn.Invoice.Debtor.Phone, debtor.Phone))
        {
            return invoice;
        }

        var pageOptIn = decidedOn.Invoice.Debtor.WhatsAppOptIn;
        if (pageOptIn is not null && debtor.WhatsAppOptIn is null)
        {
            return invoice with { Debtor = debtor with { WhatsAppOptIn = pageOptIn, PreferredChannel = Channel.WhatsApp } };
        }

        return pageOptIn is null && debtor.WhatsAppOptIn is { } posted && posted.At < decision.At
            ? invoice with { Debtor = debtor with { WhatsAppOptIn = null } }
            : invoice;
    }

    private static bool SameNumber(string? decided, string? posted)
    {
        var (a, b) = (PhoneNumberNormalizer.Normalize(decided), PhoneNumberNormalizer.Normalize(posted));
        return a.IsValid && b.IsValid && a.Value == b.Value;
    }
}
