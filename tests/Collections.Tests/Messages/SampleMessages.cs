using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

/// <summary>Message models with every field filled, values chosen so a test can find each one back.</summary>
internal static class SampleMessages
{
    public static readonly DateOnly MessageDate = new(2026, 3, 16);
    public static readonly DateOnly NewDeadline = new(2026, 4, 7);
    public static readonly DateOnly EarlierEmail = new(2026, 3, 5);
    public static readonly DateOnly EarlierCall = new(2026, 3, 10);

    public static CreditorProfile Creditor { get; } = new(
        "Bakkerij Zonnig B.V.",
        new PostalAddress("Havenstraat 12", "3011 AB", "Rotterdam"),
        "Sanne Visser",
        "+31 10 123 4567",
        "debiteuren@zonnig.example",
        Website: "https://zonnig.example",
        Iban: "NL91 ABNA 0417 1643 00",
        ChamberOfCommerceNumber: "12345678");

    public static DebtorContact Consumer { get; } = new(
        "Jan de Vries",
        DebtorKind.Consumer,
        "jan@devries.example",
        "+31612345678",
        new PostalAddress("Dorpsweg 3", "1234 CD", "Utrecht"));

    public static DebtorContact Business { get; } = new(
        "Hotel De Linde B.V.",
        DebtorKind.Business,
        "administratie@delinde.example",
        "+31201234567",
        new PostalAddress("Lindelaan 8", "2011 EF", "Haarlem"),
        ContactPerson: "Petra Smit");

    public static InvoiceLine Invoice { get; } = new(
        "2026-0042", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 1250m, 1250m, CustomerReference: "PO-7781");

    public static InvoiceLine SecondInvoice { get; } = new(
        "2026-0057", new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 11), 310.5m, 310.5m, CustomerReference: "PO-7790");

    public static ReminderMessageModel Reminder(DebtorContact? debtor = null, params InvoiceLine[] invoices) => new()
    {
        Creditor = Creditor,
        Debtor = debtor ?? Consumer,
        MessageDate = MessageDate,
        Invoices = invoices.Length > 0 ? invoices : [Invoice],
        NewDeadline = NewDeadline,
        PaymentReference = "RF18 0000 0000 0042",
        PaymentLink = new Uri("https://pay.example/p/abc123?lang=nl&x=1"),
        DebtorPageLink = new Uri("https://zonnig.example/d/7Hq2"),
        EarlierContacts = [new EarlierContact(EarlierEmail, EarlierContactKind.Email)],
    };

    /// <summary>A model carrying every kind-specific part, so any kind renders from it.</summary>
    public static ReminderMessageModel Complete(MessageKind kind, DebtorContact? debtor = null)
    {
        var who = debtor ?? Consumer;
        var business = who.Kind == DebtorKind.Business;
        var line = kind == MessageKind.FinalNotice
            ? business ? Invoice with { Costs = 40m, Interest = 5.21m } : Invoice with { AnnouncedCosts = 187.5m }
            : Invoice;
        return Reminder(who, line) with
        {
            FinalNotice = new FinalNoticeTerms(business ? FinalNoticeRegime.Business : FinalNoticeRegime.Consumer, HandOverPossible: true),
            Promise = new PromiseDetails(EarlierCall, new DateOnly(2026, 3, 13), 1250m),
            PaymentPlan = new PaymentPlanDetails(
                EarlierCall,
                [
                    new Instalment(new DateOnly(2026, 3, 1), 250m, InstalmentStatus.Paid),
                    new Instalment(new DateOnly(2026, 3, 15), 250m, InstalmentStatus.Missed),
                    new Instalment(new DateOnly(2026, 4, 1), 250m),
                ]),
            Payment = new ReceivedPayment(new DateOnly(2026, 3, 14), 400m),
            DebtHelp = new DebtHelp("Schuldhulpverlening Utrecht", new Uri("https://utrecht.example/geldzorgen"), "14 030"),
            Approval = new ApprovalRequestDetails(
                new Uri("https://collections.example/approvals/a1/approve"),
                new Uri("https://collections.example/approvals/a1/reject"),
                [new HistoryEntry(EarlierEmail, "Herinnering per e-mail"), new HistoryEntry(EarlierCall, "Gebeld, geen gehoor")],
                CollectionAgency: "Incasso Noord",
                Note: "Geen reactie op de ingebrekestelling."),
        };
    }
}
