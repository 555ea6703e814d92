namespace Collections.Messages;

/// <summary>Everything a message about one debtor's invoices may show. One message per debtor per day
/// lists every invoice due for contact (one voice per debtor). The fields R9 requires are always
/// present; the kind-specific parts (<see cref="FinalNotice"/>, <see cref="Promise"/>, ...) are
/// required only by the kinds that use them (<see cref="MessageModelValidator"/>).</summary>
public sealed record ReminderMessageModel
{
    public required CreditorProfile Creditor { get; init; }

    public required DebtorContact Debtor { get; init; }

    /// <summary>The date the message is sent (R9: date).</summary>
    public required DateOnly MessageDate { get; init; }

    public required IReadOnlyList<InvoiceLine> Invoices { get; init; }

    /// <summary>ISO 4217 code of every amount in the message.</summary>
    public string Currency { get; init; } = "EUR";

    /// <summary>The date by which we ask the debtor to pay (R9: the new deadline).</summary>
    public DateOnly? NewDeadline { get; init; }

    /// <summary>The reference to quote with a bank transfer (R9: payment reference).</summary>
    public required string PaymentReference { get; init; }

    /// <summary>Pays the open amount directly, e.g. iDEAL or card (R8).</summary>
    public required Uri PaymentLink { get; init; }

    /// <summary>The debtor's own page: full detail, pay, propose a plan, report a problem (R8).</summary>
    public required Uri DebtorPageLink { get; init; }

    /// <summary>Earlier contact about these invoices, oldest first; messages cite these by date (R4).</summary>
    public IReadOnlyList<EarlierContact> EarlierContacts { get; init; } = [];

    public FinalNoticeTerms? FinalNotice { get; init; }

    public PromiseDetails? Promise { get; init; }

    public PaymentPlanDetails? PaymentPlan { get; init; }

    public ReceivedPayment? Payment { get; init; }

    public DebtHelp? DebtHelp { get; init; }

    public ApprovalRequestDetails? Approval { get; init; }

    public decimal PrincipalTotal => Invoices.Sum(invoice => invoice.OpenAmount);

    public decimal CostsTotal => Invoices.Sum(invoice => invoice.Costs);

    public decimal InterestTotal => Invoices.Sum(invoice => invoice.Interest);

    public decimal AnnouncedCostsTotal => Invoices.Sum(invoice => invoice.AnnouncedCosts);

    public decimal TotalDue => PrincipalTotal + CostsTotal + InterestTotal;

    public IReadOnlyList<EarlierContact> EarlierContactsByDate => [.. EarlierContacts.Where(contact => contact.IsContact).OrderBy(contact => contact.Date)];

    /// <summary>The days staff tried to call without reaching the debtor, oldest first: stated only as attempts.</summary>
    public IReadOnlyList<DateOnly> CallAttemptDates => [.. EarlierContacts.Where(contact => !contact.IsContact).Select(contact => contact.Date).Distinct().Order()];
}
