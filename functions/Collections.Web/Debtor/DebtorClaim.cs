namespace Collections.Web.DebtorPages;

/// <summary>Who the debtor page speaks for and what is owed today: the creditor as the reminders present it, the latest
/// final notice (null before one was sent) and the costs and interest due by now.</summary>
/// <param name="Today">Today in Dutch time.</param>
public sealed record DebtorClaim(CreditorDetails Creditor, FinalNoticeTerm? Notice, DateOnly Today)
{
    public DueCosts? Due => DueCosts.From(Notice, Today);
}
