using Collections.Activities;
using Collections.Invoices;
using Collections.Storage;
using Collections.Web.DebtorPages;
using Collections.Web.Pages;

namespace Collections.Web.Approvals;

/// <summary>What an approver weighs besides the invoice itself, read from the invoice's contact log: when the
/// final notice went out and its last day to pay, the costs and interest that go with the claim, and the
/// contact history.</summary>
/// <param name="FinalNoticeSent">When the (latest) final notice was sent; null when the log has none.</param>
public sealed record ApprovalFacts(
    DateTimeOffset? FinalNoticeSent,
    DateOnly? FinalNoticeDeadline,
    decimal Costs,
    decimal Interest,
    IReadOnlyList<ContactLogEntry> History)
{
    public static async Task<ApprovalFacts> LoadAsync(ICollectionsStore store, InvoiceRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var history = await store.ListContactsAsync(record.Invoice.Number, cancellationToken);
        var notice = FinalNoticeTerm.Latest(history);
        var announced = notice is { CostsAnnounced: true } ? notice.Costs : (decimal?)null;

        // A consumer's final notice announced the costs (LAW.md: WIK scale), so those are the costs claimed; a
        // business claim carries the fixed compensation and commercial interest, as in the approval email.
        var consumer = announced is not null || record.Invoice.Debtor.Kind == DebtorKind.Consumer;
        var claim = ClaimAmounts.For(record.Invoice, record.OpenBalance, DateOnly.FromDateTime(PageClock.Local(now)), costsCharged: true, consumer, addVat: false);
        return new ApprovalFacts(notice?.SentAt, notice?.Deadline, announced ?? claim.Costs, claim.Interest, [.. history.OrderBy(entry => entry.At)]);
    }
}
