namespace Collections.Messages;

/// <summary>Where a debtor in financial trouble can get free help (R11), e.g. the municipality's
/// schuldhulpverlening. Optional: without it the referral names the municipality in general terms.</summary>
public sealed record DebtHelp(string Organisation, Uri? Link = null, string? Phone = null);
