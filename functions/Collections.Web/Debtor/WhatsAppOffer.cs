using Collections.Contacts;
using Collections.Handlers.Invoices;
using Collections.Infrastructure.Channels;
using Collections.Storage;
using Microsoft.Extensions.Options;

namespace Collections.Web.DebtorPages;

/// <summary>Whether the debtor page offers the WhatsApp opt-in: the company sends WhatsApp for real (the ACS provider; the
/// outbox sends nothing), the debtor has a mobile number, and the invoice is open.</summary>
internal sealed class WhatsAppOffer(IOptions<ChannelsOptions> channels)
{
    private readonly bool configured = channels.Value.WhatsApp.Provider == WhatsAppProvider.Acs;

    public bool For(InvoiceRecord record) =>
        configured && record.Status == InvoiceStatus.Open && PhoneNumberNormalizer.CanReceiveSms(record.Invoice.Debtor.Phone);
}
