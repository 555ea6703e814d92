using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    [Fact]
    public async Task ListInvoiceFigures_EveryInvoice_WithItsCurrentStatusAndBalance()
    {
        await AddSearchBookAsync();
        var paidLater = (await Store.GetInvoiceAsync("F-2", Cancel))!;
        await Store.UpdateInvoiceAsync(paidLater with { Status = "paid", OpenBalance = 0m }, Cancel);

        var figures = await Store.ListInvoiceFiguresAsync(Cancel);

        var issued = Invoice("F-1").Invoice.IssueDate;
        Assert.Equal(
            [
                new InvoiceFigures("open", issued, new DateOnly(2026, 3, 1), 1250.75m, 300m),
                new InvoiceFigures("open", issued, new DateOnly(2026, 3, 10), 1250.75m, 50m),
                new InvoiceFigures("paid", issued, new DateOnly(2026, 2, 1), 1250.75m, 0m),
                new InvoiceFigures("paid", issued, new DateOnly(2026, 3, 20), 1250.75m, 0m),
            ],
            figures.OrderBy(figure => figure.Status, StringComparer.Ordinal).ThenBy(figure => figure.DueDate));
    }
}
