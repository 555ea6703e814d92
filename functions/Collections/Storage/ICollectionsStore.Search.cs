namespace Collections.Storage;

public partial interface ICollectionsStore
{
    /// <summary>One page of the invoices matching <paramref name="search"/>, in its sort order (ties by number), paged by
    /// keyset: <see cref="InvoiceSearchPage.Next"/> continues after the last invoice of this page, so invoices added or
    /// changed meanwhile shift no page. PageSize is 1–1000, a token another search issued is refused (ArgumentException).</summary>
    Task<InvoiceSearchPage> SearchInvoicesAsync(InvoiceSearch search, CancellationToken cancellationToken);
}
