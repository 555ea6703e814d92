namespace Collections.Law;

/// <summary>
/// The fixed compensation a business creditor may claim from a business debtor on late payment,
/// without any notice. Source: art. 6:96 lid 4 BW, implementing art. 6 of Directive 2011/7/EU
/// (Late Payment Directive). Higher costs need proof or agreed terms; the product claims only this.
/// </summary>
public static class BusinessCompensation
{
    public const decimal Fixed = 40m;
}
