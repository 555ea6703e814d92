using Collections.Activities;
using Collections.Messages;

namespace Collections.Web.DebtorPages;

/// <summary>Who the debtor deals with and how to pay, exactly as the reminders state it: the creditor profile
/// and payment link of section <c>Collections:Activities</c> (<see cref="InvoiceActivityOptions"/>).</summary>
public sealed record CreditorDetails(CreditorProfile Creditor, Uri PaymentLinkBase)
{
    /// <summary>The Pay link the reminders carry for this invoice.</summary>
    public Uri PaymentLink(string invoiceNumber) => new(PaymentLinkBase, Uri.EscapeDataString(invoiceNumber));

    /// <summary>The IBAN in groups of four, as printed on paper (e.g. NL91 ABNA 0417 1643 00); null when none is configured.</summary>
    public string? PrintedIban => Creditor.Iban is { Length: > 0 } iban
        ? string.Join(' ', iban.Replace(" ", string.Empty, StringComparison.Ordinal).Chunk(4).Select(group => new string(group)))
        : null;
}
