using Collections.Invoices;
using Collections.Messaging;
using Collections.Storage;

namespace Collections.Server.Tests.Storage;

/// <summary>Records as the product stores them, with only what a test cares about as parameters.</summary>
internal static class StoreSamples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1));

    public static Debtor Debtor(string id = "D-1") =>
        new(id, "Jansen Bakery", DebtorKind.Business, "info@jansen.example", "+31612345678", Channel.Email, "nl",
            new PaymentHistory(InvoicesPaidLate: 2, InvoicesPaidOnTime: 7, AverageDaysLate: 4.5));

    public static InvoiceRecord Invoice(string number, string debtorId = "D-1", string status = "open", string bodyHash = "hash-1") =>
        new(new Invoice(number, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), 1250.75m, "EUR", Debtor(debtorId), "PO-77", "exact"),
            bodyHash, Now, status, 1250.75m);

    public static PaymentRecord Payment(string paymentId, string invoiceNumber, int minute, decimal amount = 100m) =>
        new(paymentId, invoiceNumber, amount, "EUR", Now.AddMinutes(minute - 5), "stripe", Now.AddMinutes(minute));

    public static CallTaskRecord CallTask(string id, int dueInHours, string status = "open", string debtorId = "D-1") =>
        new(id, debtorId, ["F-1", "F-2"], "invoice-F-1", "first-contact", Now, Now.AddHours(dueInHours), status);

    public static ApprovalRecord Approval(string id, string tokenHash, int requestedMinute = 0) =>
        new(id, "F-1", "invoice-F-1", "hand-over", tokenHash, Now.AddMinutes(requestedMinute), Now.AddDays(7));

    public static ContactLogEntry Contact(string id, string invoiceNumber, string debtorId, int minute) =>
        new(id, invoiceNumber, debtorId, Now.AddMinutes(minute), "message", $"Reminder {id}", Channel.Sms, "friendly", "Hallo, een herinnering.");

    public static OutboxMessage Outbox(string id, int minute, byte[]? attachment = null) =>
        new(id,
            new OutgoingMessage($"key-{id}", Channel.Email, "info@jansen.example", "Herinnering", $"Tekst {id}", "<p>html</p>", "invoice-F-1",
                "staff@collections.example",
                attachment is null ? null : [new MessageAttachment("notice.pdf", "application/pdf", attachment)]),
            Now.AddMinutes(minute));
}
