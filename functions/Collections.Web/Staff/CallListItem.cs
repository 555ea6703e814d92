using Collections.Invoices;
using Collections.Storage;

namespace Collections.Web.Staff;

/// <summary>One call on the list: a debtor with all the invoices the call is about, and what staff
/// need to know before dialling (R6): the debtor's contact history and earlier promises.</summary>
public sealed record CallListItem(
    CallTaskRecord Task,
    Debtor Debtor,
    IReadOnlyList<InvoiceRecord> Invoices,
    IReadOnlyList<ContactLogEntry> History)
{
    public decimal OpenTotal => Invoices.Sum(invoice => invoice.OpenBalance);

    public string Currency => Invoices.Count > 0 ? Invoices[0].Invoice.Currency : "EUR";

    /// <summary>Outcomes that were promises or plans, and what became of them (kept, broken), newest first.</summary>
    public IEnumerable<ContactLogEntry> Promises => History.Where(IsAboutPromise).Reverse();

    /// <summary>A promise or plan made in a call, or the workflow's note that one was not met (R7).</summary>
    public static bool IsAboutPromise(ContactLogEntry entry) =>
        entry.Kind.Contains("promise", StringComparison.Ordinal)
        || entry.Kind.Contains("plan", StringComparison.Ordinal)
        || (entry.Kind == "call-outcome" && (entry.Summary.Contains("promise", StringComparison.OrdinalIgnoreCase) || entry.Summary.Contains("plan", StringComparison.OrdinalIgnoreCase)))
        || (entry.Kind == "note" && IsBrokenPromise(entry));

    public static bool IsBrokenPromise(ContactLogEntry entry) =>
        entry.Kind.Contains("broken", StringComparison.Ordinal)
        || (entry.Kind == "note" && (entry.Summary.Contains("not met", StringComparison.Ordinal) || entry.Summary.Contains("missed", StringComparison.Ordinal)));

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
