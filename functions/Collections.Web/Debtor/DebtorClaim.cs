namespace Collections.Web.DebtorPages;

/// <summary>Who the debtor page speaks for and what is owed today: the creditor as the reminders present it, and the
/// costs and interest due after the final notice's term (null before).</summary>
public sealed record DebtorClaim(CreditorDetails Creditor, DueCosts? Due);
