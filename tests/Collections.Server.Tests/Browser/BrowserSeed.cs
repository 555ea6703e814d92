using Collections.Invoices;
using Collections.Storage;

namespace Collections.Server.Tests.Browser;

/// <summary>Puts invoices, call tasks and contact history in the real store, as the workflow would.</summary>
internal static class BrowserSeed
{
    /// <summary>Monday 2 March 2026, 10:00 in Amsterdam: the test server's clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static Debtor Debtor(string id, string name, string language = "nl") =>
        new(id, name, DebtorKind.Consumer, $"{id}@example.nl", "+31612345678", Channel.Sms, language);

    public static async Task<InvoiceRecord> InvoiceAsync(ICollectionsStore store, string number, Debtor debtor, decimal amount = 242.00m)
    {
        var invoice = new Invoice(number, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 15), amount, "EUR", debtor, CustomerReference: "PO-" + number);
        var record = new InvoiceRecord(invoice, "seeded-" + number, new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero), "open", amount);
        return (await store.AddInvoiceAsync(record, CancellationToken.None)).Record;
    }

    public static async Task<CallTaskRecord> CallTaskAsync(
        ICollectionsStore store, string id, Debtor debtor, IReadOnlyList<string> invoiceNumbers, string script = "first-contact", DateTimeOffset? dueBy = null, DateTimeOffset? plannedAt = null)
    {
        var task = new CallTaskRecord(id, debtor.Id, invoiceNumbers, invoiceNumbers[0], script, plannedAt ?? Now.AddDays(-1), dueBy ?? Now.AddHours(1), "open");
        await store.AddCallTaskAsync(task, CancellationToken.None);
        return task;
    }

    public static Task ContactAsync(ICollectionsStore store, string id, string invoiceNumber, Debtor debtor, DateTimeOffset at, string kind, string summary, string? text = null) =>
        store.AppendContactAsync(new ContactLogEntry(id, invoiceNumber, debtor.Id, at, kind, summary, Channel.Sms, "friendly", text), CancellationToken.None);
}
