namespace Collections.Messages;

/// <summary>What the final notice claims, which depends on who the debtor is in law (LAW.md).</summary>
/// <param name="Regime">Consumer: the 14-day letter announcing the exact costs (WIK, art. 6:96 lid 6 BW).
/// Business: the fixed €40 compensation and commercial interest (art. 6:96 lid 4, 6:119a BW), charged in
/// <see cref="InvoiceLine.Costs"/> and <see cref="InvoiceLine.Interest"/>. The workflow may treat a
/// small business as a consumer by policy.</param>
/// <param name="CostsIncludeVat">The creditor cannot deduct VAT and adds 21% VAT to the costs; the notice must say so.</param>
/// <param name="HandOverPossible">A collection agency is configured, so the claim can be handed over; only then does the
/// notice mention it (a letter never threatens what will not be done).</param>
public sealed record FinalNoticeTerms(FinalNoticeRegime Regime, bool CostsIncludeVat = false, bool HandOverPossible = false)
{
    public bool IsConsumer => Regime == FinalNoticeRegime.Consumer;
}

public enum FinalNoticeRegime
{
    Consumer,
    Business,
}
