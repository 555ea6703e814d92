using Collections.Invoices;
using Collections.Law;
using Collections.Messages;
using Collections.Storage;

namespace Collections.Workflow;

/// <summary>The human step (R1, R6): a call task is work for a person, not a timer. The workflow records only
/// calls staff made, waits for their outcome, and tells staff (then the supervisor) when nobody works a task.</summary>
public sealed partial class InvoiceWorkflow
{
    /// <summary>Waits for the task's outcome (or a dispute, or a pause). Past its due time the task stays on the
    /// call list as overdue, carried to the next call day, and staff are told; after the policy's limit the
    /// supervisor gets an escalation task. Null: nobody worked it and the ladder may go on in writing; a
    /// <see cref="PendingCall.Required"/> call is never given up, its step waits for it.</summary>
    private async Task<InvoiceEvent?> WaitForCallWorkAsync(PendingCall call, string taskId, DateTime dueBy)
    {
        bool IsAnswer(InvoiceEvent e) => e is CallOutcomeRecorded recorded && recorded.CallTaskId == taskId || e is DisputeOpened || e is ChasingPaused && !IsPaused;
        var raisedOn = Today;
        for (var overdueDays = 0; ; overdueDays++)
        {
            if (await WaitAsync(dueBy, IsAnswer) is { } answer)
            {
                return answer;
            }

            if (overdueDays == Policy.Calls.OverdueCallDaysBeforeEscalation)
            {
                break;
            }

            var nextCallDay = schedule.AddBusinessDays(Today, 1);
            dueBy = schedule.WindowEnd(schedule.At(nextCallDay, TimeOnly.MinValue), schedule.Calls);
            await RaiseStaffTaskAsync(
                StaffTaskKinds.CallNotWorked,
                $"The {Kebab(call.Script)} call task raised {raisedOn:yyyy-MM-dd} has no outcome yet: it stays on the call list as overdue, to be called on {nextCallDay:yyyy-MM-dd}. No call is recorded until staff record one.",
                new { text = "call-overdue", script = Kebab(call.Script), raisedOn, nextCallDay });
        }

        var what = call.Required
            ? "it stays on the call list; the next step waits until a call is made and recorded."
            : "it is taken off the call list and the next message goes out in writing; no call is recorded.";
        await RaiseStaffTaskAsync(
            StaffTaskKinds.CallNotWorked,
            $"Escalation to the supervisor ({Policy.Calls.SupervisorEmail}): the {Kebab(call.Script)} call task raised {raisedOn:yyyy-MM-dd} was not worked; {what}",
            new { text = call.Required ? "call-escalated-required" : "call-escalated-written", supervisor = Policy.Calls.SupervisorEmail, script = Kebab(call.Script), raisedOn });
        return call.Required ? await WaitForEventAsync(IsAnswer) : null;
    }

    /// <summary>R10, and letters that state only what happened: a reached debtor is contact, an unanswered call
    /// an attempt (said as such), a wrong number neither.</summary>
    private void RecordCallMade(CallOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case CallOutcomeKind.WrongNumber:
                return;
            case CallOutcomeKind.NoAnswer:
                state.Contacts.Add(new EarlierContact(Today, EarlierContactKind.CallAttempt));
                break;
            default:
                state.Contacts.Add(new EarlierContact(Today, EarlierContactKind.Call));
                break;
        }

        state.CallAttemptsRecorded++;
        state.LastLadderStep = LadderStep.Call;
    }

    /// <summary>Policy (on by default): a consumer final notice and a hand-over approval only after staff actually
    /// tried to call. Otherwise a call task the step waits for, or, without a usable number, a decision by staff.</summary>
    private async Task<InvoiceStage?> CallAttemptNeededAsync(InvoiceStage step, string what, bool consumerOnly)
    {
        if (!Policy.Calls.RequireCallAttemptBeforeFinalNotice || state.CallAttemptsRecorded > 0 || (consumerOnly && !TreatAsConsumer))
        {
            return null;
        }

        if (state.PhoneFlagged || string.IsNullOrEmpty(Invoice.Debtor.Phone))
        {
            await RaiseStaffTaskAsync(
                StaffTaskKinds.WrongNumber,
                $"No call attempt recorded and no usable phone number: the {what} is not sent. Find a number, or decide how to continue.",
                new { text = "no-call-no-phone", step = Kebab(step) });
            return InvoiceStage.ManualHandling;
        }

        await RaiseStaffTaskAsync(
            StaffTaskKinds.CallNotWorked,
            $"No call attempt recorded yet: the {what} waits until a call is made and its outcome recorded.",
            new { text = "no-call-yet", step = Kebab(step) });
        state.Call = new PendingCall(CallScript.FollowUp, 0, step, CallAfterStatedDeadline(), Required: true);
        return InvoiceStage.Call;
    }

    /// <summary>The first day a ladder step may come (<paramref name="day"/> or later): the previous message's last day
    /// to pay has passed, and the policy's grace days after it. A last day on a Saturday, Sunday or holiday runs to the
    /// next business day (as art. 1 Algemene termijnenwet extends such a term; a transfer ordered then arrives no
    /// sooner); the step itself comes on a business day. The later of the step's own timing and this, never the sum:
    /// deadlines do not creep.</summary>
    private DateOnly AfterStatedDeadline(DateOnly day)
    {
        if (state.StatedDeadline is not { } deadline)
        {
            return day;
        }

        var first = schedule.OnOrNextBusinessDay(schedule.OnOrNextBusinessDay(deadline).AddDays(1 + Policy.Ladder.DeadlineGraceDays));
        return first > day ? first : day;
    }

    /// <summary>Now, or the first call moment of <see cref="AfterStatedDeadline"/> while the previous message's term
    /// (plus grace) still runs.</summary>
    private DateTime CallAfterStatedDeadline() =>
        AfterStatedDeadline(Today) is var day && day > Today ? schedule.CallMomentOn(day, AttemptTime(0)) : Now;

    /// <summary>The ladder step a sent message is (null: not a step of the ladder, e.g. a payment confirmation).</summary>
    private static LadderStep? LadderStepOf(MessageRequest request) => request.Kind switch
    {
        MessageKind.FinalNotice => LadderStep.Formal,
        MessageKind.Reminder or MessageKind.PromiseReminder or MessageKind.InstalmentReminder =>
            request.Tone == Tone.Friendly ? LadderStep.Friendly : LadderStep.Businesslike,
        _ => null,
    };

    /// <summary>The last day to pay a message states, as the send activity renders it.</summary>
    private DateOnly? StatedDeadline(MessageRequest request) => request.Kind switch
    {
        MessageKind.FinalNotice => request.FinalNotice?.Deadline,
        MessageKind.Reminder or MessageKind.PromiseReminder or MessageKind.InstalmentReminder => Today.AddDays(Policy.Ladder.ReminderTermDays),
        _ => null,
    };

    /// <summary>The last day a consumer final notice would state when the policy makes it fall short of the legal term
    /// (a policy pinned before validation refused it): the workflow raises a staff task and waits instead of failing.</summary>
    private DateOnly? TooEarlyFinalNoticeDeadline()
    {
        if (!TreatAsConsumer)
        {
            return null;
        }

        var dates = FinalNoticeDatesOn(Today, Policy.Ladder.FinalNoticeChannel == Channel.Email ? NoticeDelivery.Email : NoticeDelivery.Post);
        return dates.Deadline < Today.AddDays(MessageModelValidator.MinimumFinalNoticeDays) ? dates.Deadline : null;
    }
}
