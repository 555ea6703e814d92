namespace Collections.Law;

/// <param name="ReceivedOn">The day the debtor is presumed to have received the notice.</param>
/// <param name="Deadline">The last day to pay without collection costs.</param>
/// <param name="CostsChargeableFrom">The first day costs may be charged: the day after the deadline.</param>
public sealed record FinalNoticeDates(DateOnly SentOn, DateOnly ReceivedOn, DateOnly Deadline, DateOnly CostsChargeableFrom);
