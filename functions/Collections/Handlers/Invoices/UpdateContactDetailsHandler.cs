using Collections.Activities;
using Collections.Contacts;
using Collections.Invoices;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Handlers.Invoices;

/// <summary>
/// Staff give new contact details (after unusable data, a wrong number or a bounce). Contact details belong
/// to the debtor, so they change on every open invoice of the debtor, each recorded first and then told to
/// its workflow, which clears the flags on the channels given and continues (a workflow waiting for details
/// checks the invoice again). Validated as at intake; nothing is stored unless the whole request is valid.
/// Repeating the request changes nothing more and reaches no workflow twice.
/// </summary>
public sealed class UpdateContactDetailsHandler(ICollectionsStore store, IInvoiceWorkflows workflows, TimeProvider time)
{
    private const int MaxAttempts = 5;
    private const int MaxByLength = 200;

    public async Task<HandlerOutcome<InvoiceSummary>> HandleAsync(string invoiceNumber, ContactDetailsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (update, errors) = Validate(change);
        if (errors.Any)
        {
            return Outcome.Invalid<InvoiceSummary>(errors);
        }

        var invoice = await store.GetInvoiceAsync(invoiceNumber, cancellationToken);
        if (invoice is null)
        {
            return Outcome.NotFound<InvoiceSummary>($"Invoice {invoiceNumber} is not known.");
        }

        if (invoice.Status != InvoiceStatus.Open)
        {
            return Outcome.Conflict<InvoiceSummary>($"Invoice {invoiceNumber} is {invoice.Status}; contact details change only while it is open.");
        }

        var channelError = ChannelError(Apply(invoice.Invoice.Debtor, update));
        if (channelError is not null)
        {
            return Outcome.Invalid<InvoiceSummary>("preferredChannel", channelError);
        }

        var debtorInvoices = await store.ListInvoicesOfDebtorAsync(invoice.Invoice.Debtor.Id, cancellationToken);
        InvoiceRecord? requested = null;
        foreach (var open in debtorInvoices.Where(record => record.Status == InvoiceStatus.Open))
        {
            var changed = await ChangeAsync(open.Invoice.Number, update, change.By, cancellationToken);
            await workflows.ContactDetailsUpdatedAsync(changed, update, cancellationToken);
            requested = changed.Invoice.Number == invoiceNumber ? changed : requested;
        }

        return Outcome.Ok(InvoiceSummary.From(requested ?? invoice));
    }

    private static (ContactDetailsUpdated Update, FieldErrors Errors) Validate(ContactDetailsChange change)
    {
        var errors = new FieldErrors();
        if (change.Email is null && change.Phone is null && change.PreferredChannel is null)
        {
            errors.Add("$", "Give at least one of email, phone and preferredChannel.");
        }

        var email = Checked("email", change.Email, EmailAddressValidator.Validate, errors);
        var phone = Checked("phone", change.Phone, input => PhoneNumberNormalizer.Normalize(input), errors);
        Channel? channel = change.PreferredChannel switch
        {
            null => null,
            "sms" => Channel.Sms,
            "email" => Channel.Email,
            _ => null,
        };
        if (change.PreferredChannel is not null && channel is null)
        {
            errors.Add("preferredChannel", "Must be sms or email.");
        }

        if (change.By?.Length > MaxByLength)
        {
            errors.Add("by", $"At most {MaxByLength} characters.");
        }

        return (new ContactDetailsUpdated(email, phone, channel), errors);
    }

    private static string? Checked(string field, string? input, Func<string?, ContactCheck> check, FieldErrors errors)
    {
        if (input is null)
        {
            return null;
        }

        var result = check(input);
        if (!result.IsValid)
        {
            errors.Add(field, result.Error!);
        }

        return result.Value;
    }

    private static string? ChannelError(Debtor debtor) => debtor.PreferredChannel switch
    {
        Channel.Sms when debtor.Phone is null => "sms needs a phone number, and the debtor has none.",
        Channel.Email when debtor.Email is null => "email needs an e-mail address, and the debtor has none.",
        _ => null,
    };

    private static Debtor Apply(Debtor debtor, ContactDetailsUpdated update) => debtor with
    {
        Email = update.Email ?? debtor.Email,
        Phone = update.Phone ?? debtor.Phone,
        PreferredChannel = update.PreferredChannel ?? debtor.PreferredChannel,
    };

    /// <summary>Stores the details on one invoice (unless it has them already) and logs who changed what.</summary>
    private async Task<InvoiceRecord> ChangeAsync(string invoiceNumber, ContactDetailsUpdated update, string? by, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = (await store.GetInvoiceAsync(invoiceNumber, cancellationToken))!;
            var debtor = Apply(record.Invoice.Debtor, update);
            if (debtor == record.Invoice.Debtor)
            {
                return record;
            }

            try
            {
                var changed = await store.UpdateInvoiceAsync(record with { Invoice = record.Invoice with { Debtor = debtor } }, cancellationToken);
                var now = time.GetUtcNow();
                await store.AppendContactAsync(
                    new ContactLogEntry($"contact-details:{invoiceNumber}:{changed.Version}", invoiceNumber, debtor.Id, now, ContactKinds.Note, Describe(update, by)),
                    cancellationToken);
                return changed;
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                // The invoice changed meanwhile (a payment, the workflow): read it again.
            }
        }
    }

    private static string Describe(ContactDetailsUpdated update, string? by)
    {
        var parts = new[]
        {
            update.Phone is null ? null : $"phone {update.Phone}",
            update.Email is null ? null : $"email {update.Email}",
            update.PreferredChannel is null ? null : $"preferred channel {(update.PreferredChannel == Channel.Sms ? "sms" : "email")}",
        };
        return $"Contact details changed{(by is null ? string.Empty : $" by {by}")}: {string.Join(", ", parts.OfType<string>())}.";
    }
}
