using Collections.Activities;
using Collections.Contacts;
using Collections.Invoices;
using Collections.Law;
using Collections.Messages;
using Collections.Policy;
using Collections.Storage;

namespace Collections.Workflow;

/// <summary>
/// One durable workflow per invoice: check, nudge late payers, wait for the due date, remind, call,
/// watch agreements, escalate on timers to a formal final notice, and hand over only with a staff
/// member's approval. Payments, disputes, changes and delivery failures are handled at every wait.
/// Deterministic: time comes from the context, every side effect is an activity.
/// </summary>
public sealed partial class InvoiceWorkflow
{
    public const string Name = nameof(InvoiceWorkflow);

    /// <summary>The one external event name; the payload is an <see cref="InvoiceEvent"/>.</summary>
    public const string EventName = "invoice-event";

    /// <summary>Ends a wait for the outside world early: the next try starts now.</summary>
    public const string RetryNowEventName = "retry-now";

    private static readonly RetryPolicy ActivityRetry = new(
        MaxAttempts: 6, FirstInterval: TimeSpan.FromSeconds(5), BackoffCoefficient: 2, MaxInterval: TimeSpan.FromMinutes(10));

    /// <summary>A call task needs at least this much of the call window left on the day it is raised.</summary>
    private static readonly TimeSpan MinimumCallTime = TimeSpan.FromHours(2);

    private readonly IWorkflowContext context;
    private readonly InvoiceState state;
    private ContactSchedule schedule;
    private bool restartRequested;
    private string? waitingForOutsideWorld;

    /// <summary>The wait in progress: when its timer fires (none while paused) and the events it listens for.</summary>
    private (DateTime? NextStepAtUtc, string[] EventNames) awaiting = (null, []);

    private InvoiceWorkflow(IWorkflowContext context, InvoiceWorkflowInput input)
    {
        this.context = context;
        state = input.State ?? InvoiceState.Start(input.Invoice, input.Policy, context.CurrentUtcDateTime);
        state.StepsSinceRestart = 0;
        schedule = new ContactSchedule(state.Policy);
    }

    public static string InstanceIdFor(string invoiceNumber) => "invoice-" + invoiceNumber;

    /// <summary>Runs the invoice to its end; null when it continued as new.</summary>
    public static Task<InvoiceResult?> RunAsync(IWorkflowContext context, InvoiceWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new InvoiceWorkflow(context, input).RunAsync();
    }

    private CollectionsPolicy Policy => state.Policy;

    private Invoice Invoice => state.Invoice;

    private DateTime Now => ContactSchedule.AsUtc(context.CurrentUtcDateTime);

    private DateOnly Today => schedule.LocalDate(Now);

    /// <summary>The workflow's time in the policy's time zone, as activities record it.</summary>
    private DateTimeOffset At => schedule.Local(Now);

    private bool IsPaused => state.PausedSinceUtc is not null;

    /// <summary>What status queries show: the stage, the balance, whether staff paused chasing, and the wait in
    /// progress (its timer and awaited events), so both engines' status views show the same fields.</summary>
    private void PublishStatus() => context.SetCustomStatus(new
    {
        stage = state.Stage,
        balance = state.Balance,
        policyVersion = Policy.Version,
        pausedSince = state.PausedSinceUtc,
        next = waitingForOutsideWorld,
        nextStepAt = awaiting.NextStepAtUtc,
        waitingFor = awaiting.EventNames,
    });

    /// <summary>Publishes the wait that starts now; with no event names, that the wait is over.</summary>
    private void PublishWait(DateTime? nextStepAtUtc, params string[] eventNames)
    {
        awaiting = (nextStepAtUtc, eventNames);
        PublishStatus();
    }

    private async Task<InvoiceResult?> RunAsync()
    {
        try
        {
            while (true)
            {
                PublishStatus();
                if (restartRequested || state.StepsSinceRestart >= Policy.StepsBeforeContinueAsNew)
                {
                    (state.StoresStage, state.StoresProgress) = (true, true);
                    context.ContinueAsNew(new InvoiceWorkflowInput(Invoice, Policy, state));
                    return null;
                }

                try
                {
                    await WaitWhilePausedAsync();
                    state.Stage = await RunStageAsync(state.Stage);
                }
                catch (StageChangedException changed)
                {
                    state.Stage = changed.Next;
                }
            }
        }
        catch (InvoiceClosedException closed)
        {
            await CloseAsync(closed.Result);
            return closed.Result;
        }
    }

    private async Task<InvoiceStage> RunStageAsync(InvoiceStage stage) => stage switch
    {
        InvoiceStage.CheckBeforeChasing => await CheckBeforeChasingAsync(),
        InvoiceStage.AwaitContactDetails => await AwaitContactDetailsAsync(),
        InvoiceStage.NudgeBeforeDue => await NudgeLatePayerBeforeDueAsync(),
        InvoiceStage.WaitForDueDate => await WaitForDueDateAsync(),
        InvoiceStage.FriendlyReminder => await RemindAfterDueDateAsync(),
        InvoiceStage.FirstCall => PlanCall(CallScript.FirstContact, FirstCallBusinessDays(), InvoiceStage.BusinesslikeReminder),
        InvoiceStage.BusinesslikeReminder => await RemindAsync(new MessageRequest(MessageKind.Reminder, Tone.Businesslike), Policy.Ladder.BusinesslikeReminderBusinessDaysAfterCall, InvoiceStage.FollowUpCall),
        InvoiceStage.FollowUpCall => PlanCall(CallScript.FollowUp, Policy.Ladder.FollowUpCallBusinessDaysAfterReminder, InvoiceStage.FinalNotice),
        InvoiceStage.Call => await CallDebtorAsync(),
        InvoiceStage.WatchPromise => await WatchPromiseAsync(),
        InvoiceStage.WatchPaymentPlan => await WatchPaymentPlanAsync(),
        InvoiceStage.FinalNotice => await SendFinalNoticeAsync(),
        InvoiceStage.FinalNoticeTerm => await WaitForFinalNoticeTermAsync(),
        InvoiceStage.HandOverApproval => await RequestHandOverApprovalAsync(),
        InvoiceStage.HandOver => await HandOverAsync(),
        InvoiceStage.ManualHandling => await AwaitManualHandlingAsync(),
        _ => throw new InvalidOperationException($"Unknown stage {stage}."),
    };

    // ── The steps ────────────────────────────────────────────────────────────────────────────

    /// <summary>R2: usable contact data, a sound invoice, no open dispute; payments recorded before the invoice.</summary>
    private async Task<InvoiceStage> CheckBeforeChasingAsync()
    {
        var check = await ActivityAsync<InvoiceCheck>(nameof(InvoiceActivities.CheckInvoice), key => new CheckInvoiceInput(key, At, Invoice));
        foreach (var payment in check.Payments)
        {
            await ApplyPaymentAsync(payment.PaymentId, payment.Amount);
        }

        if (check.ForeignPayments is { Count: > 0 } foreign)
        {
            await RaiseStaffTaskAsync(StaffTaskKinds.PaymentToCheck, "Payment to check: " + string.Join("; ", foreign), ProblemFacts("payment-to-check", check, foreignPayments: true));
        }

        state.Invoice = Invoice with
        {
            Debtor = Invoice.Debtor with { Phone = check.Phone ?? Invoice.Debtor.Phone, Email = check.Email ?? Invoice.Debtor.Email, History = check.History ?? Invoice.Debtor.History },
        };
        state.PhoneFlagged = check.PhoneProblem is not null;
        state.EmailFlagged = check.EmailProblem is not null;
        var problems = check.InvoiceProblems.Concat(new[] { check.PhoneProblem, check.EmailProblem, LandlineForSms() }.OfType<string>()).ToList();

        if (check.InvoiceProblems.Count > 0 || UsableChannel(Invoice.Debtor.PreferredChannel) is null)
        {
            await RaiseStaffTaskAsync(StaffTaskKinds.CheckBeforeChasing, "Check before chasing: " + string.Join("; ", problems), ProblemFacts("check-before-chasing", check));
            return InvoiceStage.AwaitContactDetails;
        }

        if (problems.Count > 0)
        {
            await RaiseStaffTaskAsync(StaffTaskKinds.ContactData, "Contact data to check (chasing continues over the other channel): " + string.Join("; ", problems), ProblemFacts("contact-data", check));
        }

        state.Channel = UsableChannel(Invoice.Debtor.PreferredChannel)!.Value;
        if (check.OpenDispute is { } reason)
        {
            await PauseForDisputeAsync(reason);
        }

        return InvoiceStage.NudgeBeforeDue;
    }

    /// <summary>The facts of a check task's problems, so pages tell them in their language; null when the check was
    /// recorded by a version that returned none (the task then shows its English summary).</summary>
    private object? ProblemFacts(string text, InvoiceCheck check, bool foreignPayments = false)
    {
        if (check.Problems is null)
        {
            return null;
        }

        var problems = check.Problems.Where(problem => (problem.Code == "foreign-payment") == foreignPayments).ToList();
        if (!foreignPayments && LandlineForSms() is not null)
        {
            problems.Add(CheckProblem.Of("landline-for-sms", ("value", Invoice.Debtor.Phone!)));
        }

        return new { text, problems };
    }

    /// <summary>A landline cannot receive the SMS the debtor prefers: it stays the number to call, messages go by email.</summary>
    private string? LandlineForSms() =>
        Invoice.Debtor.PreferredChannel == Channel.Sms && !state.PhoneFlagged && !PhoneNumberNormalizer.CanReceiveSms(Invoice.Debtor.Phone)
            ? $"phone number {Invoice.Debtor.Phone} is a landline and cannot receive SMS, so messages go by email"
            : null;

    /// <summary>Unusable data: no messages until staff fix it.</summary>
    private async Task<InvoiceStage> AwaitContactDetailsAsync()
    {
        await WaitForEventAsync(e => e is ContactDetailsUpdated or InvoiceAmended, applyAwaited: true);
        return InvoiceStage.CheckBeforeChasing;
    }

    /// <summary>R3/R12: known late payers get one short, friendly nudge a few days before the due date.</summary>
    private async Task<InvoiceStage> NudgeLatePayerBeforeDueAsync()
    {
        if (!Policy.PreDueNudge.Enabled || !IsLatePayer(Invoice.Debtor.History, Policy.PreDueNudge))
        {
            return InvoiceStage.WaitForDueDate;
        }

        var dueDate = schedule.EffectiveDueDate(Invoice.DueDate);
        var nudgeAt = schedule.MessageMomentOn(dueDate.AddDays(-Policy.PreDueNudge.DaysBeforeDue));
        await WaitAsync(nudgeAt);
        var sendAt = ContactSchedule.NextAllowed(Now, schedule.Messages);
        if (schedule.LocalDate(sendAt) > dueDate)
        {
            await NoteAsync("Pre-due nudge not sent: the due date passed before it could go out.", new { text = "nudge-not-sent" });
            return InvoiceStage.WaitForDueDate;
        }

        await SendAsync(new MessageRequest(MessageKind.PreDueNudge, Tone.Friendly));
        return InvoiceStage.WaitForDueDate;
    }

    /// <summary>The debtor has the whole (business) due date to pay.</summary>
    private async Task<InvoiceStage> WaitForDueDateAsync()
    {
        await WaitAsync(() => schedule.StartOfDay(schedule.EffectiveDueDate(Invoice.DueDate).AddDays(1)));
        return InvoiceStage.FriendlyReminder;
    }

    /// <summary>R3/R5: a friendly reminder no later than two business days after the due date.</summary>
    private async Task<InvoiceStage> RemindAfterDueDateAsync()
    {
        // Re-read on every event: an amended due date moves the reminder.
        await WaitAsync(() => schedule.MessageMomentOn(
            schedule.AddBusinessDays(schedule.EffectiveDueDate(Invoice.DueDate), Policy.Ladder.FriendlyReminderBusinessDaysAfterDue)));
        await SendAsync(new MessageRequest(MessageKind.Reminder, Tone.Friendly));
        state.LastStepUtc = Now;
        return InvoiceStage.FirstCall;
    }

    /// <summary>A written step of the ladder, timed from the last step that acted, and not before the previous
    /// message's deadline (plus grace) has passed.</summary>
    private async Task<InvoiceStage> RemindAsync(MessageRequest message, int businessDaysAfterLastStep, InvoiceStage next)
    {
        var day = AfterStatedDeadline(schedule.AddBusinessDays(schedule.LocalDate(state.LastStepUtc), businessDaysAfterLastStep));
        await WaitAsync(schedule.MessageMomentOn(day));
        await SendAsync(message);
        state.LastStepUtc = Now;
        return next;
    }

    /// <summary>R12: structural late payers are called sooner.</summary>
    private int FirstCallBusinessDays() =>
        Policy.Ladder.FirstCallBusinessDaysAfterReminder
        - (IsLatePayer(Invoice.Debtor.History, Policy.PreDueNudge) ? Policy.Ladder.LatePayerCallBusinessDaysSooner : 0);

    /// <summary>A call of the ladder: timed from the last step that acted, and not before the previous message's
    /// deadline (plus grace) has passed — the debtor is not chased while the term we gave still runs.</summary>
    private InvoiceStage PlanCall(CallScript script, int businessDaysAfterLastStep, InvoiceStage next)
    {
        var day = AfterStatedDeadline(schedule.AddBusinessDays(schedule.LocalDate(state.LastStepUtc), businessDaysAfterLastStep));
        state.Call = new PendingCall(script, 0, next, schedule.CallMomentOn(day, AttemptTime(0)));
        return InvoiceStage.Call;
    }

    /// <summary>R1/R6: a call task for staff with the script of its stage; wait for the outcome or a payment.</summary>
    private async Task<InvoiceStage> CallDebtorAsync()
    {
        var call = state.Call ?? throw new InvalidOperationException("No call planned.");
        await WaitAsync(call.NotBeforeUtc);
        await WaitForAllowedMomentAsync(schedule.Calls);
        if (schedule.WindowEnd(Now, schedule.Calls) - Now < MinimumCallTime)
        {
            // Too late in the day for staff to call (e.g. after a dispute pushed the step): the next business day.
            await WaitAsync(schedule.CallMomentOn(schedule.AddBusinessDays(Today, 1), AttemptTime(call.Attempt)));
        }

        if (state.PhoneFlagged || string.IsNullOrEmpty(Invoice.Debtor.Phone))
        {
            await NoteAsync("No usable phone number: a written message instead of a call.", new { text = "no-phone-write" });
            return await WriteInsteadOfCallingAsync(call);
        }

        var dueBy = schedule.WindowEnd(schedule.At(schedule.AddBusinessDays(Today, Policy.Calls.TaskDueBusinessDays), TimeOnly.MinValue), schedule.Calls);
        var taskId = await ActivityAsync<string>(nameof(InvoiceActivities.RaiseCallTask), key => new CallTaskInput(
            key, At, context.InstanceId, Invoice, call.Script, call.Attempt + 1, new DateTimeOffset(dueBy), state.Balance, state.Contacts.ToList(), DescribeAgreement()));
        state.Call = call with { TaskId = taskId };
        state.LastStepUtc = Now;

        var answer = await WaitForCallWorkAsync(call, taskId, dueBy);
        state.Call = null;
        switch (answer)
        {
            case ChasingPaused paused:
                // Off the call list while paused; the call is planned again once chasing resumes.
                await CancelCallTaskAsync(taskId, CallTaskClosures.Paused);
                await ApplyAsync(paused);
                state.Call = call with { NotBeforeUtc = Now, TaskId = null };
                return InvoiceStage.Call;
            case CallOutcomeRecorded recorded:
                await RecordAsync("call-outcome", $"Call outcome: {Kebab(recorded.Outcome.Kind)}{Describe(recorded.Outcome)}", OutcomeFacts(recorded.Outcome));
                RecordCallMade(recorded.Outcome);
                return await FollowCallOutcomeAsync(call, recorded.Outcome);
            case DisputeOpened dispute:
                await CancelCallTaskAsync(taskId, CallTaskClosures.DisputeOpened);
                await PauseForDisputeAsync(dispute.Reason);
                state.Call = call with { NotBeforeUtc = Now, TaskId = null };
                return InvoiceStage.Call;
            default:
                // Nobody worked the task: escalated, off the list, and on in writing. No call is recorded.
                await CancelCallTaskAsync(taskId, CallTaskClosures.Expired);
                return await WriteInsteadOfCallingAsync(call);
        }
    }

    private async Task<InvoiceStage> FollowCallOutcomeAsync(PendingCall call, CallOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case CallOutcomeKind.PaidNow:
                return WatchPromise(Today.AddDays(Policy.Agreements.PaidNowDays), call.Next);
            case CallOutcomeKind.PromiseToPay when outcome.PromisedDate is { } date:
                return WatchPromise(date, call.Next);
            case CallOutcomeKind.PaymentPlan when outcome.Instalments is { Count: > 0 } instalments:
                state.Plan = new PaymentPlan(Today, instalments, 0, state.Paid);
                state.PromisesMade++;
                state.AfterAgreement = call.Next;
                await ConfirmPlanAsync();
                return InvoiceStage.WatchPaymentPlan;
            case CallOutcomeKind.Dispute:
                await PauseForDisputeAsync(outcome.Reason ?? "raised during a call");
                state.LastStepUtc = Now;
                return call.Next;
            case CallOutcomeKind.Hardship:
                return await RouteHardshipAsync();
            case CallOutcomeKind.WrongNumber:
                state.PhoneFlagged = true;
                await RaiseStaffTaskAsync(StaffTaskKinds.WrongNumber, $"Wrong phone number {Invoice.Debtor.Phone}: find the right number.", new { text = "wrong-number", phone = Invoice.Debtor.Phone });
                return await WriteInsteadOfCallingAsync(call);
            case CallOutcomeKind.CallbackRequested:
                var callbackAt = outcome.CallbackAt?.UtcDateTime ?? schedule.CallMomentOn(schedule.AddBusinessDays(Today, 1), AttemptTime(call.Attempt));
                state.Call = call with { NotBeforeUtc = ContactSchedule.NextAllowed(callbackAt, schedule.Calls), TaskId = null };
                return InvoiceStage.Call;
            default:
                return await RetryOrWriteAsync(call);
        }
    }

    /// <summary>No answer: another business day at another time of day, then a written message.</summary>
    private async Task<InvoiceStage> RetryOrWriteAsync(PendingCall call)
    {
        if (call.Required)
        {
            return call.Next;
        }

        var attempt = call.Attempt + 1;
        if (attempt < Policy.Calls.MaxAttempts)
        {
            state.Call = call with { Attempt = attempt, TaskId = null, NotBeforeUtc = schedule.CallMomentOn(schedule.AddBusinessDays(Today, 1), AttemptTime(attempt)) };
            return InvoiceStage.Call;
        }

        return await WriteInsteadOfCallingAsync(call);
    }

    /// <summary>The written fallback goes over the other channel than the last message, when usable.</summary>
    private async Task<InvoiceStage> WriteInsteadOfCallingAsync(PendingCall call)
    {
        var other = Other(state.LastMessage?.Channel ?? state.Channel);
        var tone = call.Script == CallScript.FirstContact ? Tone.Friendly : Tone.Businesslike;
        await SendAsync(new MessageRequest(MessageKind.Reminder, tone), UsableChannel(other));
        state.LastStepUtc = Now;
        return call.Next;
    }

    private InvoiceStage WatchPromise(DateOnly date, InvoiceStage next)
    {
        state.Promise = new Promise(Today, date, state.Balance);
        state.PromisesMade++;
        state.AfterAgreement = next;
        return InvoiceStage.WatchPromise;
    }

    /// <summary>R7: a promise not met by its date (plus grace) gets a reminder at once and a new call.</summary>
    private async Task<InvoiceStage> WatchPromiseAsync()
    {
        var promise = state.Promise ?? throw new InvalidOperationException("No promise to watch.");
        await WaitAsync(schedule.StartOfDay(promise.Date.AddDays(Policy.Agreements.GraceDays + 1)));
        state.Promise = null;
        state.PromisesBroken++;
        await NoteAsync($"Promise to pay by {promise.Date:yyyy-MM-dd} not met.", new { text = "promise-not-met", date = promise.Date });
        await SendAsync(new MessageRequest(MessageKind.PromiseReminder, Tone.Businesslike, Promise: new PromiseDetails(promise.MadeOn, promise.Date, promise.Amount)));
        state.LastStepUtc = Now;
        state.Call = new PendingCall(CallScript.PromiseBroken, 0, state.AfterAgreement, CallAfterStatedDeadline());
        return InvoiceStage.Call;
    }

    /// <summary>R7/R10: the agreed instalments in writing, so the debtor has the dates and amounts.</summary>
    private async Task ConfirmPlanAsync() =>
        await SendAsync(new MessageRequest(MessageKind.PaymentPlanConfirmation, Tone.Friendly, Plan: DescribePlan(state.Plan!, nextMissed: false)));

    /// <summary>R7: each instalment is watched; a missed one gets a reminder at once and a new call.
    /// Plans run for months, so the history restarts after every instalment kept.</summary>
    private async Task<InvoiceStage> WatchPaymentPlanAsync()
    {
        var plan = state.Plan ?? throw new InvalidOperationException("No payment plan to watch.");
        if (plan.Next >= plan.Instalments.Count)
        {
            state.Plan = null;
            await NoteAsync("Payment plan completed with a balance left.", new { text = "plan-completed-balance-left", balance = state.Balance });
            state.LastStepUtc = Now;
            return state.AfterAgreement;
        }

        var instalment = plan.Instalments[plan.Next];
        await WaitAsync(schedule.StartOfDay(instalment.DueDate.AddDays(Policy.Agreements.GraceDays + 1)));
        var expected = plan.Instalments.Take(plan.Next + 1).Sum(i => i.Amount);
        if (state.Paid - plan.PaidAtStart >= expected)
        {
            state.Plan = plan with { Next = plan.Next + 1 };
            restartRequested = true;
            return InvoiceStage.WatchPaymentPlan;
        }

        state.Plan = null;
        state.PromisesBroken++;
        await NoteAsync($"Instalment of {Euro(instalment.Amount)} due {instalment.DueDate:yyyy-MM-dd} missed.", new { text = "instalment-missed", amount = instalment.Amount, due = instalment.DueDate });
        await SendAsync(new MessageRequest(MessageKind.InstalmentReminder, Tone.Businesslike, Plan: DescribePlan(plan, nextMissed: true)));
        state.LastStepUtc = Now;
        state.Call = new PendingCall(CallScript.InstalmentMissed, 0, state.AfterAgreement, CallAfterStatedDeadline());
        return InvoiceStage.Call;
    }

    /// <summary>R5 and the law: the formal final notice. Consumers get the 14-day letter stating the exact
    /// costs (charged only after the term); businesses the €40 compensation and commercial interest.</summary>
    private async Task<InvoiceStage> SendFinalNoticeAsync()
    {
        if (state.Hardship)
        {
            return InvoiceStage.ManualHandling;
        }

        if (await CallAttemptNeededAsync(InvoiceStage.FinalNotice, "final notice", consumerOnly: true) is { } instead)
        {
            return instead;
        }

        var day = AfterStatedDeadline(schedule.AddBusinessDays(schedule.LocalDate(state.LastStepUtc), Policy.Ladder.FinalNoticeBusinessDaysAfterCall));
        await WaitAsync(schedule.MessageMomentOn(day));
        await WaitForAllowedMomentAsync(schedule.Messages);
        if (TooEarlyFinalNoticeDeadline() is { } deadline)
        {
            await RaiseStaffTaskAsync(
                StaffTaskKinds.Other,
                $"Final notice not sent: with finalNotice.deadlineMarginDays {Policy.FinalNotice.DeadlineMarginDays} (policy {Policy.Version}) its last day {deadline:yyyy-MM-dd} " +
                $"is less than {MessageModelValidator.MinimumFinalNoticeDays} days after today. Fix the policy (and migrate this invoice) or decide how to continue.",
                new { text = "final-notice-policy", marginDays = Policy.FinalNotice.DeadlineMarginDays, policy = Policy.Version, deadline, minimumDays = MessageModelValidator.MinimumFinalNoticeDays });
            return InvoiceStage.ManualHandling;
        }

        if (!TreatAsConsumer)
        {
            state.CostsCharged = true;
        }

        await SendAsync(new MessageRequest(MessageKind.FinalNotice, Tone.Formal), UsableChannel(Policy.Ladder.FinalNoticeChannel));

        state.LastStepUtc = Now;
        return InvoiceStage.FinalNoticeTerm;
    }

    /// <summary>No costs before the term has passed; then they are due.</summary>
    private async Task<InvoiceStage> WaitForFinalNoticeTermAsync()
    {
        // Re-read on every event: a notice sent again (after a bounce) states a later deadline.
        DateOnly LastDay() => state.FinalNoticeLastDay ?? throw new InvalidOperationException("No final notice sent.");
        await WaitAsync(() => schedule.StartOfDay(LastDay().AddDays(1)));
        if (!state.CostsCharged)
        {
            state.CostsCharged = true;
            var costs = ConsumerCollectionCosts.For(state.Balance, Policy.FinalNotice.AddVatToCosts);
            await NoteAsync($"Final notice term ended {LastDay():yyyy-MM-dd}: collection costs of {Euro(costs)} are now due.", new { text = "term-ended-costs-due", lastDay = LastDay(), costs });
        }

        return InvoiceStage.HandOverApproval;
    }

    /// <summary>R11: hand-over needs a staff member's approval; the approver is reminded, then escalated to.</summary>
    private async Task<InvoiceStage> RequestHandOverApprovalAsync()
    {
        if (state.Hardship)
        {
            return InvoiceStage.ManualHandling;
        }

        if (await CallAttemptNeededAsync(InvoiceStage.HandOverApproval, "hand-over approval", consumerOnly: false) is { } instead)
        {
            return instead;
        }

        await WaitForAllowedMomentAsync(schedule.Messages);
        var approval = Policy.Approval;
        var approvalId = state.ApprovalId ?? await ActivityAsync<string>(nameof(InvoiceActivities.RequestHandOverApproval), key => new ApprovalInput(
            key, At, context.InstanceId, Invoice, state.Balance, TreatAsConsumer, Policy.FinalNotice.AddVatToCosts, approval.ApproverEmail, approval.LinkValidDays),
            waitingFor: "the email provider or the store");
        state.ApprovalId = approvalId;
        var requestedOn = Today;
        bool IsDecision(InvoiceEvent e) => e is ApprovalDecided decided && decided.ApprovalId == approvalId;

        var decision = await WaitAsync(schedule.MessageMomentOn(schedule.AddBusinessDays(requestedOn, approval.ReminderBusinessDays)), IsDecision);
        if (decision is null)
        {
            await ActivityAsync<bool>(nameof(InvoiceActivities.RemindApprover), key => new ApproverReminderInput(key, At, Invoice, approvalId, approval.ApproverEmail, Escalation: false));
            decision = await WaitAsync(schedule.MessageMomentOn(schedule.AddBusinessDays(requestedOn, approval.EscalationBusinessDays)), IsDecision);
        }

        if (decision is null)
        {
            await ActivityAsync<bool>(nameof(InvoiceActivities.RemindApprover), key => new ApproverReminderInput(key, At, Invoice, approvalId, approval.EscalationEmail, Escalation: true));
            decision = await WaitForEventAsync(IsDecision);
        }

        var decided = (ApprovalDecided)decision!;
        state.ApprovalId = null;
        var by = decided.DecidedBy is null ? "" : " by " + decided.DecidedBy;
        switch (decided.Decision)
        {
            case ApprovalDecision.Approve:
                await RecordAsync("approval", $"Hand-over approved{by}.");
                return InvoiceStage.HandOver;
            case ApprovalDecision.KeepInHouse:
                await RecordAsync("approval", $"Hand-over rejected{by}: kept in-house.");
                await RaiseStaffTaskAsync(
                    StaffTaskKinds.HandOver,
                    "Hand-over rejected: keep chasing this invoice in-house. No further automatic steps or escalation; it stays open until paid or closed by staff.",
                    new { text = "hand-over-rejected" });
                return InvoiceStage.ManualHandling;
            default:
                await RecordAsync("approval", $"Hand-over rejected{by}.");
                throw new InvoiceClosedException(InvoiceResult.ClosedByStaff);
        }
    }

    /// <summary>R11: the dossier goes to the agency and the debtor is told; when it cannot go, staff hand it over and the workflow waits.</summary>
    private async Task<InvoiceStage> HandOverAsync()
    {
        if (await ActivityAsync<bool>(nameof(InvoiceActivities.HandOver), key => new HandOverInput(key, At, Invoice, state.Balance, TreatAsConsumer, Policy.FinalNotice.AddVatToCosts)))
        {
            throw new InvoiceClosedException(InvoiceResult.HandedOver);
        }

        await RaiseStaffTaskAsync(StaffTaskKinds.HandOver, "Hand-over approved but the dossier did not reach an agency (see the log): hand it over by hand, then close the invoice.", new { text = "hand-over-failed" });
        return InvoiceStage.ManualHandling;
    }

    /// <summary>R11: hardship leads to a payment plan or a debt-counselling referral, never to escalation.</summary>
    private async Task<InvoiceStage> RouteHardshipAsync()
    {
        state.Hardship = true;
        state.AfterAgreement = InvoiceStage.ManualHandling;
        if (Policy.Hardship == HardshipRoute.PaymentPlan)
        {
            state.Call = new PendingCall(CallScript.Hardship, 0, InvoiceStage.ManualHandling, Now);
            return InvoiceStage.Call;
        }

        await SendAsync(new MessageRequest(MessageKind.DebtCounsellingReferral, Tone.Friendly));
        await RaiseStaffTaskAsync(StaffTaskKinds.Hardship, "Hardship: debtor referred to debt counselling; chasing stopped, decide how to continue.", new { text = "hardship" });
        return InvoiceStage.ManualHandling;
    }

    /// <summary>No more timers: payments, credits, cancellation or a staff decision end it.</summary>
    private async Task<InvoiceStage> AwaitManualHandlingAsync()
    {
        await WaitForEventAsync(_ => false);
        return InvoiceStage.ManualHandling;
    }

    private async Task CloseAsync(InvoiceResult result)
    {
        if (state.Call?.TaskId is { } taskId)
        {
            await CancelCallTaskAsync(taskId, CallTaskClosures.InvoiceClosed);
        }

        await ActivityAsync<bool>(nameof(InvoiceActivities.CompleteInvoice), key => new CompleteInvoiceInput(key, At, Invoice, result, state.Balance));
    }
}
