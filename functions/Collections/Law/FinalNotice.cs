using Collections.Calendar;

namespace Collections.Law;

/// <summary>
/// The dates of the formal final notice (14-dagenbrief) that must precede consumer collection costs.
/// Sources: art. 6:96 lid 6 BW — the notice gives 14 days "aanvangende de dag na aanmaning" to pay;
/// HR 25-11-2016, ECLI:NL:HR:2016:2704 — the term counts from the day after <i>receipt</i>;
/// presumed delivery of a posted letter on the 2nd day after sending, not counting Sundays, Mondays
/// and holidays (product LAW.md, following court practice); art. 1 Algemene termijnenwet — a term
/// ending on a Saturday, Sunday or public holiday runs on to the next day that is none of these.
/// </summary>
public static class FinalNotice
{
    public const int PaymentTermDays = 14;
    private const int PostalDeliveryDays = 2;

    public static FinalNoticeDates Dates(DateOnly sentOn, NoticeDelivery delivery, BusinessCalendar? calendar = null)
    {
        calendar ??= BusinessCalendar.Dutch;
        var receivedOn = delivery switch
        {
            NoticeDelivery.Email => sentOn,
            NoticeDelivery.Post => PresumedPostalDelivery(sentOn, calendar.Holidays),
            _ => throw new ArgumentOutOfRangeException(nameof(delivery), delivery, "Unknown delivery."),
        };

        // Day 1 is the day after receipt, so the 14th day is receipt + 14.
        var deadline = calendar.OnOrNextBusinessDay(receivedOn.AddDays(PaymentTermDays));
        return new FinalNoticeDates(sentOn, receivedOn, deadline, deadline.AddDays(1));
    }

    /// <summary>The first day collection costs may be charged for a notice sent on <paramref name="sentOn"/>.</summary>
    public static DateOnly CostsChargeableFrom(DateOnly sentOn, NoticeDelivery delivery, BusinessCalendar? calendar = null) =>
        Dates(sentOn, delivery, calendar).CostsChargeableFrom;

    private static DateOnly PresumedPostalDelivery(DateOnly sentOn, DutchHolidays holidays)
    {
        var day = sentOn;
        for (var counted = 0; counted < PostalDeliveryDays;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Sunday or DayOfWeek.Monday) && !holidays.IsHoliday(day))
            {
                counted++;
            }
        }

        return day;
    }
}
