using Collections.Invoices;
using Collections.Storage;

namespace Collections.Server.Tests.Support;

internal static class TestInvoices
{
    public static Invoice Invoice(string number, decimal amount = 242.00m) =>
        new(
            number,
            new DateOnly(2026, 2, 1),
            new DateOnly(2026, 3, 3),
            amount,
            "EUR",
            new Debtor("debtor-17", "Bakkerij De Korenbloem", DebtorKind.Business, "administratie@korenbloem.example", "+31612345678", Channel.Sms, "nl"));

    /// <summary>Stores an open invoice directly, for tests of what happens after intake.</summary>
    public static async Task<InvoiceRecord> SeedAsync(ICollectionsStore store, string number, decimal amount = 242.00m)
    {
        var record = new InvoiceRecord(Invoice(number, amount), "seeded", new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero), "open", amount);
        return (await store.AddInvoiceAsync(record, CancellationToken.None)).Record;
    }
}
