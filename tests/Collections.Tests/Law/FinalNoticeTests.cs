using Collections.Law;

namespace Collections.Tests.Law;

public sealed class FinalNoticeTests
{
    [Fact]
    public void Dates_Email_ReceivedSameDayDeadlineFourteenDaysLater()
    {
        var dates = FinalNotice.Dates(new DateOnly(2026, 3, 2), NoticeDelivery.Email);

        Assert.Equal(new DateOnly(2026, 3, 2), dates.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 3, 16), dates.Deadline);
        Assert.Equal(new DateOnly(2026, 3, 17), dates.CostsChargeableFrom);
    }

    [Fact]
    public void Dates_PostOnFriday_SkipsSundayAndMondayForDelivery()
    {
        // Saturday counts as day 1, Sunday and Monday do not, Tuesday is day 2.
        var dates = FinalNotice.Dates(new DateOnly(2026, 3, 6), NoticeDelivery.Post);

        Assert.Equal(new DateOnly(2026, 3, 10), dates.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 3, 24), dates.Deadline);
    }

    [Fact]
    public void Dates_PostOnTuesday_DeliveredThursday()
    {
        var dates = FinalNotice.Dates(new DateOnly(2026, 3, 3), NoticeDelivery.Post);

        Assert.Equal(new DateOnly(2026, 3, 5), dates.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 3, 19), dates.Deadline);
    }

    [Fact]
    public void Dates_PostBeforeAscensionAndDesignatedDay_SkipsHolidaysForDelivery()
    {
        // Thu 14 May 2026 Ascension, Fri 15 May designated, Sat 16 day 1, Sun/Mon skipped, Tue 19 day 2.
        var dates = FinalNotice.Dates(new DateOnly(2026, 5, 13), NoticeDelivery.Post);

        Assert.Equal(new DateOnly(2026, 5, 19), dates.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 6, 2), dates.Deadline);
        Assert.Equal(new DateOnly(2026, 6, 3), dates.CostsChargeableFrom);
    }

    [Fact]
    public void Dates_DeadlineOnSaturday_MovesToMonday()
    {
        var dates = FinalNotice.Dates(new DateOnly(2026, 3, 7), NoticeDelivery.Email);

        Assert.Equal(new DateOnly(2026, 3, 23), dates.Deadline);
        Assert.Equal(new DateOnly(2026, 3, 24), dates.CostsChargeableFrom);
    }

    [Fact]
    public void Dates_DeadlineOnSunday_MovesToMonday()
    {
        var dates = FinalNotice.Dates(new DateOnly(2026, 3, 8), NoticeDelivery.Email);

        Assert.Equal(new DateOnly(2026, 3, 23), dates.Deadline);
    }

    [Fact]
    public void Dates_DeadlineOnKingsDay_MovesToNextBusinessDay()
    {
        var dates = FinalNotice.Dates(new DateOnly(2026, 4, 13), NoticeDelivery.Email);

        Assert.Equal(new DateOnly(2026, 4, 28), dates.Deadline);
        Assert.Equal(new DateOnly(2026, 4, 29), FinalNotice.CostsChargeableFrom(new DateOnly(2026, 4, 13), NoticeDelivery.Email));
    }
}
