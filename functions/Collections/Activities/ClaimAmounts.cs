using Collections.Calendar;
using Collections.Invoices;
using Collections.Law;

namespace Collections.Activities;

/// <summary>What is claimed on one invoice at a date (LAW.md): consumer costs only once charged (after the
/// final notice's term), always announced in the final notice; business €40 and commercial interest once charged.</summary>
public sealed record ClaimAmounts(decimal Costs, decimal Interest, decimal AnnouncedCosts)
{
    public static ClaimAmounts For(Invoice invoice, decimal balance, DateOnly asOf, bool costsCharged, bool consumer, bool addVat)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var principal = Math.Max(balance, 0);
        if (consumer)
        {
            var costs = principal > 0 ? ConsumerCollectionCosts.For(principal, addVat) : 0;
            return new ClaimAmounts(costsCharged ? costs : 0, 0, costs);
        }

        if (!costsCharged || principal == 0)
        {
            return new ClaimAmounts(0, 0, 0);
        }

        // Commercial interest runs from the day after the (business) due date (art. 6:119a BW), here over
        // the principal open now. Messages state it "tot en met" (up to and including) asOf, so asOf counts too.
        var from = BusinessCalendar.Dutch.OnOrNextBusinessDay(invoice.DueDate).AddDays(1);
        var interest = asOf >= from ? StatutoryInterest.Calculate(principal, from, asOf.AddDays(1), InterestKind.Commercial).Interest : 0;
        return new ClaimAmounts(BusinessCompensation.Fixed, interest, 0);
    }
}
