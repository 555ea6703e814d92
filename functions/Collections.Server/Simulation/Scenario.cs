using System.Text.Json;
using Collections.Invoices;
using Collections.Json;
using Collections.Workflow;

namespace Collections.Server.Simulation;

/// <summary>A <c>simulate</c> scenario: one debtor's invoice(s) and what happens to them, in time.</summary>
public sealed record Scenario
{
    public DateTimeOffset Start { get; init; }

    public DateTimeOffset Until { get; init; }

    public Invoice? Invoice { get; init; }

    public IReadOnlyList<Invoice>? Invoices { get; init; }

    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary>The invoices of the scenario, whether given as <c>invoice</c> or <c>invoices</c>.</summary>
    public IReadOnlyList<Invoice> AllInvoices => Invoices ?? (Invoice is null ? [] : [Invoice]);

    /// <summary>Parses and checks a scenario; the exception names the field at fault.</summary>
    public static Scenario Parse(string json)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, CollectionsJson.Options);
        }
        catch (JsonException error)
        {
            throw new ScenarioException($"scenario: not valid JSON at {error.Path ?? "$"}: {error.Message}");
        }

        if (scenario is null)
        {
            throw new ScenarioException("scenario: empty document.");
        }

        scenario.Validate();
        return scenario;
    }

    private void Validate()
    {
        var problems = new List<string>();
        if (Start == default)
        {
            problems.Add("start is required (ISO 8601 with offset)");
        }

        if (Until <= Start)
        {
            problems.Add("until must lie after start");
        }

        if (Invoice is not null && Invoices is not null)
        {
            problems.Add("give either invoice or invoices, not both");
        }

        var invoices = AllInvoices;
        if (invoices.Count == 0)
        {
            problems.Add("invoice (or invoices) is required");
        }

        for (var index = 0; index < invoices.Count; index++)
        {
            var field = Invoices is null ? "invoice" : $"invoices[{index}]";
            var invoice = invoices[index];
            if (string.IsNullOrWhiteSpace(invoice.Number))
            {
                problems.Add($"{field}.number is required");
            }

            if (invoice.DueDate == default)
            {
                problems.Add($"{field}.dueDate is required");
            }

            if (invoice.Amount <= 0)
            {
                problems.Add($"{field}.amount must be positive");
            }

            if (string.IsNullOrWhiteSpace(invoice.Currency))
            {
                problems.Add($"{field}.currency is required");
            }

            if (invoice.Debtor is null || string.IsNullOrWhiteSpace(invoice.Debtor.Id) || string.IsNullOrWhiteSpace(invoice.Debtor.Name))
            {
                problems.Add($"{field}.debtor with id and name is required");
            }
        }

        if (invoices.Select(invoice => invoice.Debtor?.Id).Distinct().Count() > 1)
        {
            problems.Add("invoices must share one debtor id");
        }

        for (var index = 0; index < Events.Count; index++)
        {
            problems.AddRange(Events[index].Problems(index, invoices.Select(invoice => invoice.Number).ToList()));
        }

        if (problems.Count > 0)
        {
            throw new ScenarioException("scenario: " + string.Join("; ", problems) + ".");
        }
    }
}

/// <summary>One thing that happens in a scenario at <see cref="At"/>; <see cref="Type"/> says which fields apply.</summary>
public sealed record ScenarioEvent
{
    public static readonly IReadOnlyList<string> Types =
        ["payment", "callOutcome", "dispute", "approval", "invoiceAmended", "invoiceCancelled", "invoiceCredited", "contactUpdated", "deliveryFailed", "debtorWrote", "closedByStaff", "pause", "resume", "planAgreed", "outage"];

    public DateTimeOffset At { get; init; }

    public string Type { get; init; } = "";

    /// <summary>Which invoice (required when the scenario has several).</summary>
    public string? InvoiceNumber { get; init; }

    public decimal? Amount { get; init; }

    public string? PaymentId { get; init; }

    public CallOutcomeKind? Outcome { get; init; }

    public DateOnly? PromisedDate { get; init; }

    public IReadOnlyList<Instalment>? Instalments { get; init; }

    public DateTimeOffset? CallbackAt { get; init; }

    /// <summary>dispute: open or resolve.</summary>
    public string? Action { get; init; }

    public string? Reason { get; init; }

    public decimal? CreditAmount { get; init; }

    public ApprovalDecision? Decision { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>invoiceAmended: the new due date (the amount goes in <see cref="Amount"/>).</summary>
    public DateOnly? DueDate { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>debtorWrote: what the debtor wrote to our WhatsApp number.</summary>
    public string? Text { get; init; }

    /// <summary>outage: the host is down from <see cref="At"/> until this moment.</summary>
    public DateTimeOffset? Until { get; init; }

    internal IEnumerable<string> Problems(int index, IReadOnlyList<string> invoiceNumbers)
    {
        var field = $"events[{index}]";
        if (At == default)
        {
            yield return $"{field}.at is required";
        }

        if (!Types.Contains(Type))
        {
            yield return $"{field}.type '{Type}' is not one of {string.Join(", ", Types)}";
            yield break;
        }

        if (InvoiceNumber is not null && !invoiceNumbers.Contains(InvoiceNumber))
        {
            yield return $"{field}.invoiceNumber '{InvoiceNumber}' is not an invoice of the scenario";
        }
        else if (InvoiceNumber is null && invoiceNumbers.Count > 1 && Type is not ("outage" or "callOutcome" or "approval"))
        {
            yield return $"{field}.invoiceNumber is required when the scenario has several invoices";
        }

        var problem = Type switch
        {
            "payment" when Amount is not > 0 => "amount must be positive",
            "invoiceCredited" when Amount is not > 0 => "amount must be positive",
            "invoiceAmended" when Amount is not > 0 && DueDate is null => "amount or dueDate is required",
            "callOutcome" when Outcome is null => "outcome is required",
            "callOutcome" when Outcome == CallOutcomeKind.PromiseToPay && PromisedDate is null => "promisedDate is required for promise-to-pay",
            "callOutcome" when Outcome == CallOutcomeKind.PaymentPlan && Instalments is not { Count: > 0 } => "instalments are required for payment-plan",
            "planAgreed" when Instalments is not { Count: > 0 } => "instalments are required",
            "dispute" when Action is not ("open" or "resolve") => "action must be open or resolve",
            "approval" when Decision is null => "decision must be approve, reject or keep-in-house",
            "deliveryFailed" when Channel is null => "channel must be sms, email or whatsapp",
            "debtorWrote" when string.IsNullOrWhiteSpace(Text) => "text is required",
            "outage" when Until is null || Until <= At => "until must lie after at",
            _ => null,
        };
        if (problem is not null)
        {
            yield return $"{field} ({Type}): {problem}";
        }
    }
}

/// <summary>A scenario or policy file that cannot be used; the message names the field.</summary>
public sealed class ScenarioException(string message) : Exception(message);
