using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>Read side of the invoice API: one invoice in full, or a page of summaries.</summary>
public sealed class InvoiceQueries(ICollectionsStore store, IInvoiceWorkflows workflows)
{
    public const int MaxPageSize = 200;

    public async Task<HandlerOutcome<InvoiceView>> GetAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var record = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
        if (record is null)
        {
            return Outcome.NotFound<InvoiceView>($"Invoice {invoiceNumber} is not known.");
        }

        var workflow = await workflows.GetAsync(invoiceNumber, cancellationToken);
        var payments = await store.ListPaymentsAsync(invoiceNumber, cancellationToken);
        var timeline = await store.ListContactsAsync(invoiceNumber, cancellationToken);
        var credit = Math.Max(-InvoiceBalance.Compute(record.Invoice, payments), 0m);
        return Outcome.Ok(new InvoiceView(record.Invoice, record.Status, Math.Max(record.OpenBalance, 0m), credit, record.ReceivedAt, record.Paused, workflow, payments, timeline));
    }

    public async Task<HandlerOutcome<StorePage<InvoiceSummary>>> ListAsync(string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (status is not null && !InvoiceStatus.All.Contains(status))
        {
            errors.Add("status", $"Must be one of: {string.Join(", ", InvoiceStatus.All)}.");
        }

        if (page is < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Must be between 1 and {MaxPageSize}.");
        }

        if (errors.Any)
        {
            return Outcome.Invalid<StorePage<InvoiceSummary>>(errors);
        }

        var stored = await store.ListInvoicesAsync(status, page ?? 1, pageSize ?? 50, cancellationToken);
        return Outcome.Ok(new StorePage<InvoiceSummary>(
            stored.Items.Select(InvoiceSummary.From).ToList(), stored.Page, stored.PageSize, stored.TotalCount));
    }
}
