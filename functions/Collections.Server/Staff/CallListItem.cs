using Collections.Invoices;
using Collections.Storage;

namespace Collections.Server.Staff;

/// <summary>One call on the list: a debtor with all the invoices the call is about, and what staff
/// need to know before dialling (R6): the debtor's contact history and earlier promises.</summary>
internal sealed record CallListItem(
    CallTaskRecord Task,
    Debtor Debtor,
    IReadOnlyList<InvoiceRecord> Invoices,
    IReadOnlyList<ContactLogEntry> History)
{
    public decimal OpenTotal => Invoices.Sum(invoice => invoice.OpenBalance);

    public string Currency => Invoices.Count > 0 ? Invoices[0].Invoice.Currency : "EUR";

    /// <summary>Outcomes that were promises or plans, and what became of them (kept, broken), newest first.</summary>
    public IEnumerable<ContactLogEntry> Promises => History
        .Where(entry => entry.Kind.Contains("promise", StringComparison.Ordinal)
            || entry.Kind.Contains("plan", StringComparison.Ordinal)
            || (entry.Kind == "call-outcome" && (entry.Summary.Contains("promised", StringComparison.Ordinal) || entry.Summary.Contains("payment plan", StringComparison.Ordinal))))
        .Reverse();

    public static async Task<CallListItem?> LoadAsync(ICollectionsStore store, CallTaskRecord task, CancellationToken cancellationToken)
    {
        var invoices = new List<InvoiceRecord>();
        foreach (var number in task.InvoiceNumbers)
        {
            if (await store.GetInvoiceAsync(number, cancellationToken) is { } invoice)
            {
                invoices.Add(invoice);
            }
        }

        if (invoices.Count == 0)
        {
            return null;
        }

        var history = await store.ListContactsOfDebtorAsync(task.DebtorId, cancellationToken);
        return new CallListItem(task, invoices[0].Invoice.Debtor, invoices, history);
    }
}
