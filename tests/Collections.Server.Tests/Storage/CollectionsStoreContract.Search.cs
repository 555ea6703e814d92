using Collections.Invoices;
using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

public abstract partial class CollectionsStoreContract
{
    private static readonly DateOnly SearchToday = new(2026, 3, 31);

    /// <summary>Four invoices: F-1 due 1 March (30 days overdue on 31 March), F-2 due 20 March, F-3 paid, F-4 of another debtor.</summary>
    private async Task AddSearchBookAsync()
    {
        await Store.AddInvoiceAsync(Due(Invoice("F-1"), new DateOnly(2026, 3, 1), 300m), Cancel);
        await Store.AddInvoiceAsync(Due(Invoice("F-2"), new DateOnly(2026, 3, 20), 900m), Cancel);
        await Store.AddInvoiceAsync(Due(Invoice("F-3", status: "paid"), new DateOnly(2026, 2, 1), 0m), Cancel);
        var other = Invoice("F-4", debtorId: "D-2");
        await Store.AddInvoiceAsync(Due(other with { Invoice = other.Invoice with { Debtor = other.Invoice.Debtor with { Name = "De Vries Transport" }, CustomerReference = "ORDER-551" } }, new DateOnly(2026, 3, 10), 50m), Cancel);
    }

    private static InvoiceRecord Due(InvoiceRecord record, DateOnly due, decimal open) =>
        record with { Invoice = record.Invoice with { DueDate = due }, OpenBalance = open };

    private async Task<IReadOnlyList<string>> SearchNumbersAsync(InvoiceSearch search) =>
        [.. (await Store.SearchInvoicesAsync(search, Cancel)).Items.Select(invoice => invoice.Invoice.Number)];

    [Fact]
    public async Task SearchInvoices_ByDebtorNamePrefix_FindsOnlyThatDebtorsInvoices()
    {
        await AddSearchBookAsync();

        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "vries", Sort: InvoiceSort.Number)));
        Assert.Equal(["F-1", "F-2", "F-3"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "JANS bak", Sort: InvoiceSort.Number)));
    }

    [Fact]
    public async Task SearchInvoices_InvoicesAddedInBulk_AreFoundAsSingleOnes()
    {
        var other = Invoice("F-4", debtorId: "D-2");
        await Store.AddInvoicesAsync(
            [Due(Invoice("F-1"), new DateOnly(2026, 3, 1), 300m), Due(other with { Invoice = other.Invoice with { Debtor = other.Invoice.Debtor with { Name = "De Vries Transport" } } }, new DateOnly(2026, 3, 25), 50m)], Cancel);

        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "vries")));
        Assert.Equal(["F-1"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Status: "open", MinDaysOverdue: 15)));
    }

    [Fact]
    public async Task SearchInvoices_ByNumberReferenceOrDebtorId_FindsTheInvoice()
    {
        await AddSearchBookAsync();

        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "order-551")));
        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "D-2")));
        Assert.Equal(["F-3"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "F-3")));
        Assert.Empty(await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "nobody")));
    }

    [Fact]
    public async Task SearchInvoices_StatusAndOverdueDays_Filter()
    {
        await AddSearchBookAsync();

        Assert.Equal(["F-1", "F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Status: "open", MinDaysOverdue: 15)));
        Assert.Equal(["F-3"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Status: "paid")));
    }

    [Fact]
    public async Task SearchInvoices_PausedAndDisputed_FollowTheRecord()
    {
        await AddSearchBookAsync();
        var first = (await Store.GetInvoiceAsync("F-1", Cancel))!;
        await Store.UpdateInvoiceAsync(first with { Paused = new InvoicePause(Now, "anna", null) }, Cancel);
        var second = (await Store.GetInvoiceAsync("F-2", Cancel))!;
        await Store.UpdateInvoiceAsync(second with { Disputed = true }, Cancel);

        Assert.Equal(["F-1"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Paused: true)));
        Assert.Equal(["F-2"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Disputed: true)));
        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Status: "open", Paused: false, Disputed: false)));
    }

    [Theory]
    [InlineData(InvoiceSort.DueDate, false, "F-3,F-1,F-4,F-2")]
    [InlineData(InvoiceSort.DueDate, true, "F-2,F-4,F-1,F-3")]
    [InlineData(InvoiceSort.OpenBalance, true, "F-2,F-1,F-4,F-3")]
    [InlineData(InvoiceSort.Number, true, "F-4,F-3,F-2,F-1")]
    public async Task SearchInvoices_PagedByContinuation_VisitsEveryInvoiceOnceInOrder(InvoiceSort sort, bool descending, string expected)
    {
        await AddSearchBookAsync();
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Store.SearchInvoicesAsync(new InvoiceSearch(SearchToday, Sort: sort, Descending: descending, PageSize: 3, After: after), Cancel);
            seen.AddRange(page.Items.Select(invoice => invoice.Invoice.Number));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(expected.Split(','), seen);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task SearchInvoices_AfterARename_FindsTheNewNameOnly()
    {
        await AddSearchBookAsync();
        var stored = (await Store.GetInvoiceAsync("F-4", Cancel))!;

        await Store.UpdateInvoiceAsync(stored with { Invoice = stored.Invoice with { Debtor = stored.Invoice.Debtor with { Name = "Bakker Logistiek" } } }, Cancel);

        Assert.Empty(await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "vries")));
        Assert.Equal(["F-4"], await SearchNumbersAsync(new InvoiceSearch(SearchToday, Text: "logistiek")));
    }

    [Fact]
    public async Task SearchInvoices_TokenOfAnotherOrder_IsRefused()
    {
        await AddSearchBookAsync();
        var page = await Store.SearchInvoicesAsync(new InvoiceSearch(SearchToday, Sort: InvoiceSort.DueDate, PageSize: 1), Cancel);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SearchInvoicesAsync(new InvoiceSearch(SearchToday, Sort: InvoiceSort.Number, After: page.Next), Cancel));
    }
}
