using System.Globalization;
using Collections.Activities;
using Collections.Storage;

namespace Collections.Handlers.Invoices;

/// <summary>
/// The invoice's amount or due date is corrected (by staff, or by the accounting system). Recorded first, with
/// the open balance recomputed from the payments, then told to the workflow: its next message states the new
/// amount, and a later due date moves its next step. Nothing is stored unless the request is valid; repeating
/// it changes nothing more and reaches the workflow once.
/// </summary>
public sealed class AmendInvoiceHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    private const int MaxAttempts = 5;
    private const int MaxByLength = 200;

    public async Task<HandlerOutcome<InvoiceSummary>> HandleAsync(string invoiceNumber, InvoiceAmendment amendment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        var errors = Validate(amendment);
        if (errors.Any)
        {
            return Outcome.Invalid<InvoiceSummary>(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            var record = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
            if (record is null)
            {
                return Outcome.NotFound<InvoiceSummary>($"Invoice {invoiceNumber} is not known.");
            }

            if (record.Status != InvoiceStatus.Open)
            {
                return Outcome.Conflict<InvoiceSummary>($"Invoice {invoiceNumber} is {record.Status}; only an open invoice can be amended.");
            }

            var invoice = record.Invoice with { Amount = amendment.Amount ?? record.Invoice.Amount, DueDate = amendment.DueDate ?? record.Invoice.DueDate };
            var invalid = Check(invoice, await store.ListPaymentsAsync(invoiceNumber, cancellationToken));
            if (invalid.Any)
            {
                return Outcome.Invalid<InvoiceSummary>(invalid);
            }

            if (invoice != record.Invoice)
            {
                try
                {
                    var changed = await store.UpdateInvoiceAsync(record with { Invoice = invoice }, cancellationToken);
                    await store.AppendContactAsync(
                        new ContactLogEntry(
                            $"amended:{invoiceNumber}:{changed.Version}", invoiceNumber, invoice.Debtor.Id, time.GetUtcNow(), ContactKinds.Note,
                            string.Create(CultureInfo.InvariantCulture, $"Invoice amended{(amendment.By is null ? string.Empty : " by " + amendment.By)}: amount {invoice.Amount:0.00} {invoice.Currency}, due {invoice.DueDate:yyyy-MM-dd}.")),
                        cancellationToken);
                }
                catch (StoreConflictException) when (attempt < MaxAttempts)
                {
                    continue;
                }
            }

            var refreshed = await InvoiceBalance.RefreshAsync(store, invoiceNumber, cancellationToken);
            await workflows.AmendedAsync(refreshed, cancellationToken);
            return Outcome.Ok(InvoiceSummary.From(refreshed));
        }
    }

    private static FieldErrors Validate(InvoiceAmendment amendment)
    {
        var errors = new FieldErrors();
        if (amendment.Amount is null && amendment.DueDate is null)
        {
            errors.Add("$", "Give amount, dueDate or both.");
        }

        if (amendment.Amount is <= 0)
        {
            errors.Add("amount", "Must be greater than zero.");
        }
        else if (amendment.Amount is { } amount && decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "At most 2 decimals (cents).");
        }

        if (amendment.By?.Length > MaxByLength)
        {
            errors.Add("by", $"At most {MaxByLength} characters.");
        }

        return errors;
    }

    /// <summary>Checks against what is stored: the due date cannot precede the issue date, and the amount
    /// cannot fall below what was paid (that is a refund, not an amendment).</summary>
    private static FieldErrors Check(Collections.Invoices.Invoice invoice, IReadOnlyList<PaymentRecord> payments)
    {
        var errors = new FieldErrors();
        if (invoice.DueDate < invoice.IssueDate)
        {
            errors.Add("dueDate", string.Create(CultureInfo.InvariantCulture, $"Cannot be before the issue date {invoice.IssueDate:yyyy-MM-dd}."));
        }

        var paid = payments.Sum(payment => payment.Amount);
        if (invoice.Amount < paid)
        {
            errors.Add("amount", string.Create(CultureInfo.InvariantCulture, $"Below the {paid:0.00} {invoice.Currency} already paid or credited."));
        }

        return errors;
    }
}
