using Collections.Activities;
using Collections.Messages;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.DebtorPages;

/// <summary>The latest final notice as the contact log holds it: when it was sent, its last day to pay, and the costs and
/// interest it stated. A consumer's notice announces the costs, due only once its 14-day term has passed (art. 6:96 lid 6 BW);
/// a business notice charges the fixed compensation and commercial interest at once (art. 6:96 lid 4, 6:119a BW; LAW.md).</summary>
/// <param name="CostsAnnounced">A consumer's notice: the costs are due after <see cref="Deadline"/>, not before.</param>
public sealed record FinalNoticeTerm(DateTimeOffset SentAt, DateOnly Deadline, decimal Costs, decimal Interest, bool CostsAnnounced)
{
    private static readonly string FinalNotice = MessageNames.Of(MessageKind.FinalNotice);

    /// <summary>The day it was sent, in Dutch time.</summary>
    public DateOnly SentOn => DateOnly.FromDateTime(PageClock.Local(SentAt));

    public decimal Total => Costs + Interest;

    /// <summary>Null while no final notice with a deadline was sent.</summary>
    public static FinalNoticeTerm? Latest(IReadOnlyList<ContactLogEntry> history)
    {
        var (notice, details) = history
            .OrderBy(entry => entry.At)
            .Select(entry => (Entry: entry, Details: ContactLogDetails.Of(entry)))
            .LastOrDefault(pair => pair.Details.Message == FinalNotice);
        return notice is null || details.Deadline is not { } deadline
            ? null
            : new FinalNoticeTerm(
                notice.At, deadline, details.AnnouncedCosts ?? details.Costs ?? 0m, details.Interest ?? 0m, CostsAnnounced: details.AnnouncedCosts is not null);
    }
}
