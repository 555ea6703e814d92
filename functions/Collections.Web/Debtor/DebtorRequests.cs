using Collections.Activities;
using Collections.Calendar;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Handlers.Invoices;
using Collections.Storage;
using Collections.Web.Pages;
using Collections.Web.Staff;
using Collections.Workflow;

namespace Collections.Web.DebtorPages;

/// <summary>What a debtor can do on their page (and give or withdraw their WhatsApp opt-in, where it is offered). Each writes to the append-only contact log (R10);
/// a problem opens a dispute (the workflow pauses, R2); a plan within the policy's limits is agreed at
/// once and the workflow watches its instalments (R7); a call-back request puts a call on the staff list.</summary>
internal sealed class DebtorRequests(
    ICollectionsStore store, DisputeInvoiceHandler disputes, WhatsAppConsentHandler whatsAppConsent, WhatsAppOffer whatsApp, IInvoiceWorkflows workflows, TimeProvider time)
{
    public const string CallbackMorning = "morning";
    public const string CallbackAfternoon = "afternoon";

    /// <summary>A payment's unstructured remittance information holds at most 140 characters (SEPA credit transfer,
    /// EPC rulebook attribute AT-05), so no genuine reference is longer.</summary>
    public const int MaxReferenceLength = 140;

    /// <summary>What a debtor writes about a problem: room for a clear explanation, not for a document.</summary>
    public const int MaxProblemLength = 2000;

    public async Task<FieldErrors> AlreadyPaidAsync(InvoiceRecord invoice, IFormCollection form, CancellationToken cancellationToken)
    {
        var reference = form["reference"].ToString().Trim();
        var errors = new FieldErrors().Required("reference", reference).MaxLength("reference", reference, MaxReferenceLength);
        var paidOn = CallOutcomeForm.Date(form["paidOn"].ToString().Trim(), "paidOn", errors);
        if (errors.Any)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var when = paidOn is { } date ? FormattableString.Invariant($" on {date:yyyy-MM-dd}") : string.Empty;
        await LogAsync(invoice, "debtor-reported-payment", $"Debtor says the invoice is paid{when}, reference {reference}.", now, cancellationToken);
        return errors;
    }

    public async Task<FieldErrors> ProposePlanAsync(InvoiceRecord invoice, CallOutcomeForm plan, DebtorPagesOptions limits, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (invoice.Status != InvoiceStatus.Open || invoice.OpenBalance <= 0)
        {
            return errors.Add("instalments", "This invoice is no longer open.");
        }

        var today = PageClock.Today(time);
        var instalments = plan.Instalments
            .Select((row, index) => (
                Date: CallOutcomeForm.Date(row.Date, $"instalments[{index}].dueDate", errors),
                Amount: CallOutcomeForm.Amount(row.Amount, $"instalments[{index}].amount", errors),
                Index: index))
            .ToList();
        if (instalments.Count == 0)
        {
            return errors.Add("instalments", "At least one instalment.");
        }

        if (instalments.Count > limits.MaxInstalments)
        {
            errors.Add("instalmentCount", "Too many instalments.");
        }

        foreach (var (date, amount, index) in instalments)
        {
            errors.Required($"instalments[{index}].dueDate", date).Required($"instalments[{index}].amount", amount);
            if (amount is <= 0)
            {
                errors.Add($"instalments[{index}].amount", "Must be greater than zero.");
            }

            if (date is { } due && (due < today || due > today.AddMonths(limits.MaxPlanMonths)))
            {
                errors.Add("instalmentDates", "Outside the allowed period.");
            }
        }

        if (!errors.Any && instalments.Sum(row => row.Amount!.Value) != invoice.OpenBalance)
        {
            errors.Add("instalmentTotal", "The instalments must add up to the open balance.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var summary = "Debtor proposed a payment plan: " + string.Join(", ", instalments.Select(row => FormattableString.Invariant($"{row.Amount:0.00} by {row.Date:yyyy-MM-dd}"))) + ".";
        await LogAsync(invoice, "plan-proposed", summary, now, cancellationToken);
        var agreed = instalments.Select(row => new Instalment(row.Date!.Value, row.Amount!.Value)).OrderBy(instalment => instalment.DueDate).ToList();
        await workflows.PlanAgreedAsync(invoice.Invoice.Number, agreed, cancellationToken);
        return errors;
    }

    public async Task<FieldErrors> ReportProblemAsync(InvoiceRecord invoice, IFormCollection form, CancellationToken cancellationToken)
    {
        var problem = form["problem"].ToString().Trim();
        var errors = new FieldErrors().Required("problem", problem).MaxLength("problem", problem, MaxProblemLength);
        if (errors.Any)
        {
            return errors;
        }

        var outcome = await disputes.HandleAsync(invoice.Invoice.Number, new DisputeChange(DisputeChange.Open, "Reported by the debtor: " + problem), cancellationToken);
        return outcome.Succeeded ? errors : errors.Add("problem", outcome.Detail ?? "Not recorded.");
    }

    public async Task<FieldErrors> CallMeBackAsync(InvoiceRecord invoice, IFormCollection form, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var day = CallOutcomeForm.Date(form["callbackDate"].ToString().Trim(), "callbackDate", errors);
        var window = form["callbackWindow"].ToString();
        var today = PageClock.Today(time);
        errors.Required("callbackDate", day);
        if (day is { } date && (date < today || date > today.AddDays(30) || !BusinessCalendar.Dutch.IsBusinessDay(date)))
        {
            errors.Add("callbackDate", "A business day within 30 days.");
        }

        if (window is not (CallbackMorning or CallbackAfternoon))
        {
            errors.Add("callbackWindow", "Morning or afternoon.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var from = PageClock.FromLocal(day!.Value.ToDateTime(window == CallbackMorning ? new TimeOnly(9, 0) : new TimeOnly(13, 0)));
        var now = time.GetUtcNow();
        var windowText = window == CallbackMorning ? "09:00–12:00" : "13:00–17:00";
        await LogAsync(invoice, "callback-requested", FormattableString.Invariant($"Debtor asked to be called back on {day:yyyy-MM-dd} between {windowText}."), now, cancellationToken);
        await CallTaskAsync(invoice, "callback-requested", now, from, cancellationToken);
        return errors;
    }

    /// <summary>Stored with the date and the page as its source, on every open invoice of the debtor (docs/whatsapp.md).</summary>
    public async Task<FieldErrors> ChangeWhatsAppConsentAsync(InvoiceRecord invoice, bool given, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!whatsApp.For(invoice))
        {
            return errors.Add("whatsApp", "WhatsApp is not offered for this invoice.");
        }

        var outcome = await whatsAppConsent.HandleAsync(invoice.Invoice.Number, given, cancellationToken);
        return outcome.Succeeded ? errors : errors.Add("whatsApp", outcome.Detail ?? "Not recorded.");
    }

    private Task LogAsync(InvoiceRecord invoice, string kind, string summary, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.AppendContactAsync(
            new ContactLogEntry($"debtor-page:{invoice.Invoice.Number}:{kind}:{now.UtcTicks}", invoice.Invoice.Number, invoice.Invoice.Debtor.Id, now, kind, summary),
            cancellationToken);

    private Task CallTaskAsync(InvoiceRecord invoice, string script, DateTimeOffset now, DateTimeOffset dueBy, CancellationToken cancellationToken) =>
        store.AddCallTaskAsync(
            new CallTaskRecord(
                $"debtor-page:{invoice.Invoice.Number}:{script}:{now.UtcTicks}", invoice.Invoice.Debtor.Id, [invoice.Invoice.Number],
                invoice.Invoice.Number, script, now, dueBy, CallTaskStatus.Open),
            cancellationToken);
}
