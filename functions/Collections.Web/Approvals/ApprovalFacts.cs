using System.Globalization;
using System.Text.Json;
using Collections.Activities;
using Collections.Invoices;
using Collections.Messages;
using Collections.Storage;
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
    private static readonly string FinalNotice = MessageNames.Of(MessageKind.FinalNotice);

    public static async Task<ApprovalFacts> LoadAsync(ICollectionsStore store, InvoiceRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var history = await store.ListContactsAsync(record.Invoice.Number, cancellationToken);
        var notice = history.LastOrDefault(entry => entry.Kind == ContactKinds.Message && Data(entry, "kind") == FinalNotice);
        var announced = notice is null ? null : Amount(Data(notice, "announcedCosts"));

        // A consumer's final notice announced the costs (LAW.md: WIK scale), so those are the costs claimed; a
        // business claim carries the fixed compensation and commercial interest, as in the approval email.
        var consumer = announced is not null || record.Invoice.Debtor.Kind == DebtorKind.Consumer;
        var claim = ClaimAmounts.For(record.Invoice, record.OpenBalance, DateOnly.FromDateTime(PageClock.Local(now)), costsCharged: true, consumer, addVat: false);
        return new ApprovalFacts(
            notice?.At,
            notice is null ? null : Day(Data(notice, "deadline")),
            announced ?? claim.Costs,
            claim.Interest,
            [.. history.OrderBy(entry => entry.At)]);
    }

    private static string? Data(ContactLogEntry entry, string property)
    {
        if (entry.DataJson is null)
        {
            return null;
        }

        using var data = JsonDocument.Parse(entry.DataJson);
        return data.RootElement.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
    }

    private static decimal? Amount(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
