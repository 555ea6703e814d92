using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    [Fact]
    public async Task BookTotals_OpenPerDueDate_InvoicedInThePeriod_CountPerStatus()
    {
        await AddSearchBookAsync();
        // Added in bulk, which writes the figures in its own insert: they count the same.
        await Store.AddInvoicesAsync([Due(Invoice("F-5"), new DateOnly(2026, 3, 10), 25m)], Cancel);
        var paidLater = (await Store.GetInvoiceAsync("F-2", Cancel))!;
        await Store.UpdateInvoiceAsync(paidLater with { Status = "paid", OpenBalance = 0m }, Cancel);
        var issued = Invoice("F-1").Invoice.IssueDate;

        var book = await Store.BookTotalsAsync(issued, issued, Cancel);
        var after = await Store.BookTotalsAsync(issued.AddDays(1), issued.AddDays(90), Cancel);

        Assert.Equal(
            [new DueDateTotal(new DateOnly(2026, 3, 1), 1, 300m), new DueDateTotal(new DateOnly(2026, 3, 10), 2, 75m)],
            book.OpenByDueDate.OrderBy(total => total.DueDate));
        Assert.Equal(5 * 1250.75m, book.Invoiced);
        Assert.Equal(0m, after.Invoiced);
        Assert.Equal(new Dictionary<string, int> { ["open"] = 3, ["paid"] = 2 }, book.InvoicesByStatus);
    }
}
