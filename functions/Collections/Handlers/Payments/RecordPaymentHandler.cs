using System.Text.RegularExpressions;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Handlers.Payments;

/// <summary>
/// Records a payment once per payment id, from any source (accounting system, webhooks). A payment
/// for an invoice that has not arrived yet is kept and counted when it arrives; otherwise the
/// invoice's balance is recomputed and the workflow hears about the payment (once per payment id).
/// </summary>
public sealed partial class RecordPaymentHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    public async Task<HandlerOutcome<PaymentView>> HandleAsync(
        string invoiceNumber, PaymentRequest request, string source, CancellationToken cancellationToken)
    {
        var errors = Validate(invoiceNumber, request);
        if (errors.Any)
        {
            return Outcome.Invalid<PaymentView>(errors);
        }

        var invoice = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
        if (invoice is not null && !string.Equals(invoice.Invoice.Currency, request.Currency, StringComparison.Ordinal))
        {
            return Outcome.Invalid<PaymentView>("currency", $"The invoice is in {invoice.Invoice.Currency}.");
        }

        var now = time.GetUtcNow();
        var payment = new PaymentRecord(
            request.PaymentId!, invoiceNumber, request.Amount!.Value, request.Currency!, request.PaidAt ?? now, source, now);
        var added = await store.AddPaymentAsync(payment, cancellationToken);
        if (!added)
        {
            var stored = (await store.ListPaymentsAsync(invoiceNumber, cancellationToken))
                .FirstOrDefault(existing => existing.PaymentId == payment.PaymentId);
            if (stored is null || stored.Amount != payment.Amount || stored.Currency != payment.Currency)
            {
                return Outcome.Conflict<PaymentView>(
                    $"Payment {payment.PaymentId} is already recorded with other details.");
            }

            payment = stored;
        }

        // Read again after storing: an invoice stored meanwhile may have counted its payments before this one
        // was there. Whichever of the two requests writes last sees the other's write, so one of them counts it.
        invoice ??= await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
        if (invoice is null || !payment.CountsFor(invoice.Invoice))
        {
            // Not counted (yet): intake counts it when the invoice arrives, or shows staff a foreign currency.
            return Outcome.Accepted(View(payment, openBalance: null));
        }

        // Told again on a redelivery too: the port drops a repeated payment id, and a crash between
        // storing the payment and telling the workflow heals with the provider's next delivery.
        var refreshed = await InvoiceBalance.RefreshAsync(store, invoiceNumber, cancellationToken);
        await workflows.PaymentReceivedAsync(payment, refreshed.OpenBalance, cancellationToken);

        var view = View(payment, refreshed.OpenBalance);
        return added ? Outcome.Created(view) : Outcome.Ok(view);
    }

    private static FieldErrors Validate(string invoiceNumber, PaymentRequest request)
    {
        var errors = new FieldErrors()
            .Required("invoiceNumber", invoiceNumber)
            .Required("paymentId", request.PaymentId)
            .Required("amount", request.Amount)
            .Required("currency", request.Currency);
        if (request.Amount is <= 0)
        {
            errors.Add("amount", "Must be greater than zero.");
        }

        if (request.Currency is { Length: > 0 } currency && !CurrencyCode().IsMatch(currency))
        {
            errors.Add("currency", "Must be an ISO 4217 code such as EUR.");
        }

        if (request.PaymentId is { Length: > 200 })
        {
            errors.Add("paymentId", "At most 200 characters.");
        }

        return errors;
    }

    private static PaymentView View(PaymentRecord payment, decimal? openBalance) =>
        new(payment.PaymentId, payment.InvoiceNumber, payment.Amount, payment.Currency, payment.PaidAt, payment.Source, openBalance);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
