namespace Collections.Web.DebtorPages;

/// <summary>The collection costs and interest the debtor owes besides the invoice, exactly as the final notice stated them:
/// a consumer's only once the notice's term has passed (art. 6:96 BW, see LAW.md: costs may be claimed only after the 14-day
/// notice, at the amount announced in it), a business's from the notice on, which charged them.</summary>
public sealed record DueCosts(DateOnly Since, decimal Costs, decimal Interest)
{
    public decimal Total => Costs + Interest;

    /// <summary>Null while no final notice was sent, a consumer's term has not passed, or the notice stated no costs.</summary>
    public static DueCosts? From(FinalNoticeTerm? notice, DateOnly today)
    {
        if (notice is null || notice.Total <= 0)
        {
            return null;
        }

        var since = notice.CostsAnnounced ? notice.Deadline.AddDays(1) : notice.SentOn;
        return today >= since ? new DueCosts(since, notice.Costs, notice.Interest) : null;
    }
}
