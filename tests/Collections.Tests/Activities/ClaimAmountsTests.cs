using Collections.Activities;
using Collections.Invoices;

namespace Collections.Tests.Activities;

/// <summary>Interest stated "tot en met D" (up to and including D) counts day D (LAW.md).</summary>
public sealed class ClaimAmountsTests
{
    private static readonly Invoice Business = new(
        "F2026-0042", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 3000m, "EUR",
        new Debtor("C-17", "Van Dijk Installaties B.V.", DebtorKind.Business, "info@vandijk.example", null, Channel.Email, "nl"));

    [Fact]
    public void For_BusinessOnThirtyMarch_InterestFromFourMarchUpToAndIncludingThirtyMarch()
    {
        // 4..30 March 2026 = 27 days at the 10.15% commercial rate: 3,000 × 10.15% × 27 / 365 = 22.52.
        var claim = ClaimAmounts.For(Business, 3000m, new DateOnly(2026, 3, 30), costsCharged: true, consumer: false, addVat: false);

        Assert.Equal(22.52m, claim.Interest);
        Assert.Equal(40m, claim.Costs);
    }

    [Fact]
    public void For_BusinessOnTheFirstDayOfDefault_OneDayOfInterest()
    {
        var claim = ClaimAmounts.For(Business, 3000m, new DateOnly(2026, 3, 4), costsCharged: true, consumer: false, addVat: false);

        Assert.Equal(0.83m, claim.Interest);
    }
}
