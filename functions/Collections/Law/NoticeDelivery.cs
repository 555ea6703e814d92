namespace Collections.Law;

/// <summary>How the final notice (14-dagenbrief) is sent.</summary>
public enum NoticeDelivery
{
    /// <summary>E-mail; the product assumes receipt on the day it is sent.</summary>
    Email,

    /// <summary>Post; presumed delivered on the 2nd day after sending, not counting Sundays, Mondays and holidays.</summary>
    Post,
}
