using Collections.Invoices;

namespace Collections.Policy;

/// <summary>
/// Every wait, offset, tone, channel and attempt of the invoice workflow. A workflow runs to its end
/// on the policy it started with (the policy travels in the workflow input); a new policy applies to
/// new invoices, and to running ones only through an explicit, logged migration.
/// Defaults are Dutch practice (R3, R5, R6) and Dutch contact rules (Wki, see LAW.md).
/// </summary>
public sealed record CollectionsPolicy
{
    /// <summary>Stamped on every workflow that starts with this policy.</summary>
    public string Version { get; init; } = "nl-default-1";

    /// <summary>IANA time zone the windows and days are read in.</summary>
    public string TimeZone { get; init; } = "Europe/Amsterdam";

    /// <summary>When SMS and email may be sent (LAW.md: never 20:00–07:00, Sundays or holidays).</summary>
    public ContactWindowPolicy MessageWindow { get; init; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
        new TimeOnly(8, 0),
        new TimeOnly(20, 0));

    /// <summary>When staff call debtors: business hours.</summary>
    public ContactWindowPolicy CallWindow { get; init; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0),
        new TimeOnly(17, 0));

    /// <summary>Preferred local time of day for messages; the next allowed moment from there.</summary>
    public TimeOnly MessageTimeOfDay { get; init; } = new(10, 0);

    public PreDueNudgePolicy PreDueNudge { get; init; } = new();

    public LadderPolicy Ladder { get; init; } = new();

    public CallPolicy Calls { get; init; } = new();

    public AgreementPolicy Agreements { get; init; } = new();

    public FinalNoticePolicy FinalNotice { get; init; } = new();

    public ApprovalPolicy Approval { get; init; } = new();

    public WhatsAppPolicy WhatsApp { get; init; } = new();

    /// <summary>What a <c>hardship</c> call outcome leads to (R11): never escalation.</summary>
    public HardshipRoute Hardship { get; init; } = HardshipRoute.DebtCounselling;

    /// <summary>Workflow history is restarted (ContinueAsNew) after this many handled steps.</summary>
    public int StepsBeforeContinueAsNew { get; init; } = 20;

    public OutagePolicy Outages { get; init; } = new();
}

/// <summary>The outside world failing (a provider or the store down) never ends a workflow: once an activity's
/// own quick retries are spent, it waits and tries again on this longer schedule, for as long as it takes.</summary>
public sealed record OutagePolicy
{
    /// <summary>The first wait after the quick retries; each next wait doubles, up to <see cref="MaxWaitMinutes"/>.</summary>
    public int FirstWaitMinutes { get; init; } = 5;

    public int MaxWaitMinutes { get; init; } = 60;

    /// <summary>Staff are told (a staff task on the invoice) when the outage has lasted this long.</summary>
    public int StaffTaskAfterMinutes { get; init; } = 240;

    /// <summary>The wait before try <paramref name="round"/> (0-based) after an outage began.</summary>
    public TimeSpan WaitBefore(int round) =>
        TimeSpan.FromMinutes(Math.Min(MaxWaitMinutes, FirstWaitMinutes * Math.Pow(2, Math.Min(round, 20))));
}

/// <summary>Days of the week and local hours during which contact is allowed (end exclusive).</summary>
public sealed record ContactWindowPolicy(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To);

/// <summary>R3 and R12: a short, friendly nudge before the due date, only for debtors whose history shows late payment.</summary>
public sealed record PreDueNudgePolicy
{
    public bool Enabled { get; init; } = true;

    public int DaysBeforeDue { get; init; } = 3;

    /// <summary>Late payer when at least this many of the last invoices were paid late…</summary>
    public int MinInvoicesPaidLate { get; init; } = 2;

    /// <summary>…or when invoices were paid this many days late on average.</summary>
    public double AverageDaysLateAbove { get; init; } = 7;
}

/// <summary>The escalation ladder (R3, R5): friendly reminder, call, businesslike reminder, follow-up call, formal final notice.</summary>
public sealed record LadderPolicy
{
    /// <summary>R3: no later than 2 business days after the due date.</summary>
    public int FriendlyReminderBusinessDaysAfterDue { get; init; } = 1;

    /// <summary>Days a reminder gives to pay: the new deadline it states (R9).</summary>
    public int ReminderTermDays { get; init; } = 7;

    public int FirstCallBusinessDaysAfterReminder { get; init; } = 3;

    /// <summary>R12: known late payers (see <see cref="PreDueNudgePolicy"/>) get their first call this many business days sooner.</summary>
    public int LatePayerCallBusinessDaysSooner { get; init; } = 1;

    public int BusinesslikeReminderBusinessDaysAfterCall { get; init; } = 4;

    public int FollowUpCallBusinessDaysAfterReminder { get; init; } = 3;

    public int FinalNoticeBusinessDaysAfterCall { get; init; } = 4;

    /// <summary>Days after the deadline the last message stated before the next ladder step may come (a
    /// payment made on the last day is booked a day later): no step arrives while the debtor still has time.</summary>
    public int DeadlineGraceDays { get; init; } = 1;

    /// <summary>Channel of the formal final notice (email keeps proof of sending).</summary>
    public Channel FinalNoticeChannel { get; init; } = Channel.Email;
}

/// <summary>Call tasks for staff (R1, R6).</summary>
public sealed record CallPolicy
{
    /// <summary>Business days after the day it is raised by which a call task is due (0: the same day,
    /// by the end of the call window). Without an outcome by then it stays on the call list as overdue; it is
    /// never counted as a call.</summary>
    public int TaskDueBusinessDays { get; init; }

    /// <summary>Call days a task may stay overdue before the supervisor gets an escalation task (and the
    /// ladder goes on in writing, without recording a call).</summary>
    public int OverdueCallDaysBeforeEscalation { get; init; } = 1;

    /// <summary>Who gets the escalation task for call tasks nobody works.</summary>
    public string SupervisorEmail { get; init; } = "finance-manager@example.nl";

    /// <summary>A consumer final notice and a hand-over approval need at least one call attempt recorded by
    /// staff (R1: personal contact first); until then a call task is raised and the step waits.</summary>
    public bool RequireCallAttemptBeforeFinalNotice { get; init; } = true;

    /// <summary>Attempts when nobody answers, each on a later business day at another time of day.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Local times of day for successive attempts (cycled).</summary>
    public IReadOnlyList<TimeOnly> AttemptTimes { get; init; } = [new(10, 0), new(14, 30), new(11, 30)];
}

/// <summary>Watching promises and payment plans (R7).</summary>
public sealed record AgreementPolicy
{
    /// <summary>Days after a promised date (or an instalment's due date) before it counts as broken.</summary>
    public int GraceDays { get; init; } = 1;

    /// <summary>A <c>paid-now</c> call outcome is treated as a promise to pay within this many days.</summary>
    public int PaidNowDays { get; init; } = 2;
}

/// <summary>The formal final notice (LAW.md: consumer 14-day letter; business €40 and commercial interest).
/// Its term (14 days from the day after receipt) is law, not policy: see <c>Collections.Law.FinalNotice</c>.</summary>
public sealed record FinalNoticePolicy
{
    /// <summary>Days added to the statutory deadline as a safety margin (an email read the day after it was
    /// sent); the deadline then moves on to a business day. Costs are charged only after the stated deadline.</summary>
    public int DeadlineMarginDays { get; init; } = 1;

    /// <summary>LAW.md: a creditor that cannot deduct VAT may add 21% on the costs; off by default.</summary>
    public bool AddVatToCosts { get; init; }

    /// <summary>LAW.md: a switch that treats small-business debtors like consumers.</summary>
    public bool TreatBusinessAsConsumer { get; init; }
}

/// <summary>Hand-over to a collection agency needs a staff member's approval (R11).</summary>
public sealed record ApprovalPolicy
{
    public string ApproverEmail { get; init; } = "credit-control@example.nl";

    /// <summary>Reminder to the approver after this many business days without a decision.</summary>
    public int ReminderBusinessDays { get; init; } = 2;

    /// <summary>Escalation (to <see cref="EscalationEmail"/>) after this many business days.</summary>
    public int EscalationBusinessDays { get; init; } = 5;

    public string EscalationEmail { get; init; } = "finance-manager@example.nl";

    /// <summary>How long the approval links stay valid.</summary>
    public int LinkValidDays { get; init; } = 30;
}

public enum HardshipRoute
{
    /// <summary>Refer to debt counselling and pause chasing; staff decide.</summary>
    DebtCounselling,

    /// <summary>Offer a payment plan: a call task to agree one.</summary>
    PaymentPlan,
}
