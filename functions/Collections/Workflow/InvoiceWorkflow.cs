using System.Globalization;
using Collections.Activities;
using Collections.Calendar;
using Collections.Invoices;
using Collections.Law;
using Collections.Messages;
using Collections.Policy;

namespace Collections.Workflow;

/// <summary>
/// One durable workflow per invoice: check, nudge late payers, wait for the due date, remind, call,
/// watch agreements, escalate on timers to a formal final notice, and hand over only with a staff
/// member's approval. Payments, disputes, changes and delivery failures are handled at every wait.
/// Deterministic: time comes from the context, every side effect is an activity.
/// </summary>
public sealed class InvoiceWorkflow
{
    public const string Name = nameof(InvoiceWorkflow);

    /// <summary>The one external event name; the payload is an <see cref="InvoiceEvent"/>.</summary>
    public const string EventName = "invoice-event";

    private static readonly RetryPolicy ActivityRetry = new(
        MaxAttempts: 6, FirstInterval: TimeSpan.FromSeconds(5), BackoffCoefficient: 2, MaxInterval: TimeSpan.FromMinutes(10));

    private readonly IWorkflowContext context;
    private readonly InvoiceState state;
    private ContactSchedule schedule;
    private bool restartRequested;

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

    private async Task<InvoiceResult?> RunAsync()
    {
        try
        {
            while (true)
            {
                context.SetCustomStatus(new { stage = state.Stage, balance = state.Balance, policyVersion = Policy.Version });
                if (restartRequested || state.StepsSinceRestart >= Policy.StepsBeforeContinueAsNew)
                {
                    context.ContinueAsNew(new InvoiceWorkflowInput(Invoice, Policy, state));
                    return null;
                }

                state.Stage = state.Stage switch
                {
                    InvoiceStage.CheckBeforeChasing => await CheckBeforeChasingAsync(),
                    InvoiceStage.AwaitContactDetails => await AwaitContactDetailsAsync(),
                    InvoiceStage.NudgeBeforeDue => await NudgeLatePayerBeforeDueAsync(),
                    InvoiceStage.WaitForDueDate => await WaitForDueDateAsync(),
                    InvoiceStage.FriendlyReminder => await RemindAfterDueDateAsync(),
                    InvoiceStage.FirstCall => PlanCall(CallScript.FirstContact, Policy.Ladder.FirstCallBusinessDaysAfterReminder, InvoiceStage.BusinesslikeReminder),
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
                    _ => throw new InvalidOperationException($"Unknown stage {state.Stage}."),
                };
            }
        }
        catch (InvoiceClosedException closed)
        {
            await CloseAsync(closed.Result);
            return closed.Result;
        }
    }

    // ── The steps ────────────────────────────────────────────────────────────────────────────

    /// <summary>R2: usable contact data, a sound invoice, no open dispute; payments recorded before the invoice.</summary>
    private async Task<InvoiceStage> CheckBeforeChasingAsync()
    {
        var check = await ActivityAsync<InvoiceCheck>(nameof(InvoiceActivities.CheckInvoice), key => new CheckInvoiceInput(key, At, Invoice));
        foreach (var payment in check.Payments)
        {
            await ApplyPaymentAsync(payment.PaymentId, payment.Amount);
        }

        state.Invoice = Invoice with { Debtor = Invoice.Debtor with { Phone = check.Phone ?? Invoice.Debtor.Phone, Email = check.Email ?? Invoice.Debtor.Email } };
        state.PhoneFlagged = check.PhoneProblem is not null;
        state.EmailFlagged = check.EmailProblem is not null;
        var problems = check.InvoiceProblems.Concat(new[] { check.PhoneProblem, check.EmailProblem }.OfType<string>()).ToList();

        if (check.InvoiceProblems.Count > 0 || UsableChannel(Invoice.Debtor.PreferredChannel) is null)
        {
            await RaiseStaffTaskAsync("Check before chasing: " + string.Join("; ", problems));
            return InvoiceStage.AwaitContactDetails;
        }

        if (problems.Count > 0)
        {
            await RaiseStaffTaskAsync("Contact data to check (chasing continues over the other channel): " + string.Join("; ", problems));
        }

        state.Channel = UsableChannel(Invoice.Debtor.PreferredChannel)!.Value;
        if (check.OpenDispute is { } reason)
        {
            await PauseForDisputeAsync(reason);
        }

        return InvoiceStage.NudgeBeforeDue;
    }

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
            await NoteAsync("Pre-due nudge not sent: the due date passed before it could go out.");
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
        var day = schedule.AddBusinessDays(schedule.EffectiveDueDate(Invoice.DueDate), Policy.Ladder.FriendlyReminderBusinessDaysAfterDue);
        await WaitAsync(schedule.MessageMomentOn(day));
        await SendAsync(new MessageRequest(MessageKind.Reminder, Tone.Friendly));
        state.LastStepUtc = Now;
        return InvoiceStage.FirstCall;
    }

    /// <summary>A written step of the ladder, timed from the last step that acted.</summary>
    private async Task<InvoiceStage> RemindAsync(MessageRequest message, int businessDaysAfterLastStep, InvoiceStage next)
    {
        var day = schedule.AddBusinessDays(schedule.LocalDate(state.LastStepUtc), businessDaysAfterLastStep);
        await WaitAsync(schedule.MessageMomentOn(day));
        await SendAsync(message);
        state.LastStepUtc = Now;
        return next;
    }

    private InvoiceStage PlanCall(CallScript script, int businessDaysAfterLastStep, InvoiceStage next)
    {
        var day = schedule.AddBusinessDays(schedule.LocalDate(state.LastStepUtc), businessDaysAfterLastStep);
        state.Call = new PendingCall(script, 0, next, schedule.CallMomentOn(day, AttemptTime(0)));
        return InvoiceStage.Call;
    }

    /// <summary>R1/R6: a call task for staff with the script of its stage; wait for the outcome or a payment.</summary>
    private async Task<InvoiceStage> CallDebtorAsync()
    {
        var call = state.Call ?? throw new InvalidOperationException("No call planned.");
        await WaitAsync(call.NotBeforeUtc);
        await WaitForAllowedMomentAsync(schedule.Calls);
        if (state.PhoneFlagged || string.IsNullOrEmpty(Invoice.Debtor.Phone))
        {
            await NoteAsync("No usable phone number: a written message instead of a call.");
            return await WriteInsteadOfCallingAsync(call);
        }

        var dueBy = schedule.WindowEnd(schedule.At(schedule.AddBusinessDays(Today, Policy.Calls.TaskDueBusinessDays), TimeOnly.MinValue), schedule.Calls);
        var taskId = await ActivityAsync<string>(nameof(InvoiceActivities.RaiseCallTask), key => new CallTaskInput(
            key, At, context.InstanceId, Invoice, call.Script, call.Attempt + 1, new DateTimeOffset(dueBy), state.Balance, state.Contacts.ToList(), DescribeAgreement()));
        state.Call = call with { TaskId = taskId };
        state.Contacts.Add(new EarlierContact(Today, EarlierContactKind.Call));
        state.LastStepUtc = Now;

        var answer = await WaitAsync(dueBy, e => e is CallOutcomeRecorded recorded && recorded.CallTaskId == taskId || e is DisputeOpened);
        state.Call = null;
        switch (answer)
        {
            case CallOutcomeRecorded recorded:
                await RecordAsync("call-outcome", $"Call outcome: {Kebab(recorded.Outcome.Kind)}{Describe(recorded.Outcome)}");
                return await FollowCallOutcomeAsync(call, recorded.Outcome);
            case DisputeOpened dispute:
                await CancelCallTaskAsync(taskId, "dispute opened");
                await PauseForDisputeAsync(dispute.Reason);
                state.Call = call with { NotBeforeUtc = Now, TaskId = null };
                return InvoiceStage.Call;
            default:
                await CancelCallTaskAsync(taskId, "no outcome recorded by the due time");
                return await RetryOrWriteAsync(call);
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
                state.AfterAgreement = call.Next;
                return InvoiceStage.WatchPaymentPlan;
            case CallOutcomeKind.Dispute:
                await PauseForDisputeAsync(outcome.Reason ?? "raised during a call");
                state.LastStepUtc = Now;
                return call.Next;
            case CallOutcomeKind.Hardship:
                return await RouteHardshipAsync();
            case CallOutcomeKind.WrongNumber:
                state.PhoneFlagged = true;
                await RaiseStaffTaskAsync($"Wrong phone number {Invoice.Debtor.Phone}: find the right number.");
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
        state.AfterAgreement = next;
        return InvoiceStage.WatchPromise;
    }

    /// <summary>R7: a promise not met by its date (plus grace) gets a reminder at once and a new call.</summary>
    private async Task<InvoiceStage> WatchPromiseAsync()
    {
        var promise = state.Promise ?? throw new InvalidOperationException("No promise to watch.");
        await WaitAsync(schedule.StartOfDay(promise.Date.AddDays(Policy.Agreements.GraceDays + 1)));
        state.Promise = null;
        await NoteAsync($"Promise to pay by {promise.Date:yyyy-MM-dd} not met.");
        await SendAsync(new MessageRequest(MessageKind.PromiseReminder, Tone.Businesslike, Promise: new PromiseDetails(promise.MadeOn, promise.Date, promise.Amount)));
        state.LastStepUtc = Now;
        state.Call = new PendingCall(CallScript.PromiseBroken, 0, state.AfterAgreement, Now);
        return InvoiceStage.Call;
    }

    /// <summary>R7: each instalment is watched; a missed one gets a reminder at once and a new call.
    /// Plans run for months, so the history restarts after every instalment kept.</summary>
    private async Task<InvoiceStage> WatchPaymentPlanAsync()
    {
        var plan = state.Plan ?? throw new InvalidOperationException("No payment plan to watch.");
        if (plan.Next >= plan.Instalments.Count)
        {
            state.Plan = null;
            await NoteAsync("Payment plan completed with a balance left.");
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
        await NoteAsync($"Instalment of {Euro(instalment.Amount)} due {instalment.DueDate:yyyy-MM-dd} missed.");
        await SendAsync(new MessageRequest(MessageKind.InstalmentReminder, Tone.Businesslike, Plan: DescribePlan(plan)));
        state.LastStepUtc = Now;
        state.Call = new PendingCall(CallScript.InstalmentMissed, 0, state.AfterAgreement, Now);
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

        var day = schedule.AddBusinessDays(schedule.LocalDate(state.LastStepUtc), Policy.Ladder.FinalNoticeBusinessDaysAfterCall);
        await WaitAsync(schedule.MessageMomentOn(day));
        await WaitForAllowedMomentAsync(schedule.Messages);
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
        var lastDay = state.FinalNoticeLastDay ?? throw new InvalidOperationException("No final notice sent.");
        await WaitAsync(schedule.StartOfDay(lastDay.AddDays(1)));
        if (!state.CostsCharged)
        {
            state.CostsCharged = true;
            await NoteAsync($"Final notice term ended {lastDay:yyyy-MM-dd}: collection costs of {Euro(ConsumerCollectionCosts.For(state.Balance, Policy.FinalNotice.AddVatToCosts))} are now due.");
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

        await WaitForAllowedMomentAsync(schedule.Messages);
        var approval = Policy.Approval;
        var approvalId = state.ApprovalId ?? await ActivityAsync<string>(nameof(InvoiceActivities.RequestHandOverApproval), key => new ApprovalInput(
            key, At, context.InstanceId, Invoice, state.Balance, TreatAsConsumer, Policy.FinalNotice.AddVatToCosts, approval.ApproverEmail, approval.LinkValidDays));
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
        await RecordAsync("approval", $"Hand-over {(decided.Decision == ApprovalDecision.Approve ? "approved" : "rejected")}{(decided.DecidedBy is null ? "" : " by " + decided.DecidedBy)}.");
        return decided.Decision == ApprovalDecision.Approve
            ? InvoiceStage.HandOver
            : throw new InvoiceClosedException(InvoiceResult.ClosedByStaff);
    }

    private async Task<InvoiceStage> HandOverAsync()
    {
        await ActivityAsync<bool>(nameof(InvoiceActivities.HandOver), key => new HandOverInput(key, At, Invoice, state.Balance, TreatAsConsumer, Policy.FinalNotice.AddVatToCosts));
        throw new InvoiceClosedException(InvoiceResult.HandedOver);
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
        await RaiseStaffTaskAsync("Hardship: debtor referred to debt counselling; chasing stopped, decide how to continue.");
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
            await CancelCallTaskAsync(taskId, "invoice closed");
        }

        await ActivityAsync<bool>(nameof(InvoiceActivities.CompleteInvoice), key => new CompleteInvoiceInput(key, At, Invoice, result, state.Balance));
    }

    // ── Waiting: a timer raced against events; the loser is always cancelled ────────────────

    private Task<InvoiceEvent?> WaitAsync(DateTime deadlineUtc, Func<InvoiceEvent, bool>? isAwaited = null) =>
        WaitAsync(() => deadlineUtc, isAwaited);

    /// <summary>Waits without a timer for the event <paramref name="isAwaited"/> accepts.</summary>
    private async Task<InvoiceEvent> WaitForEventAsync(Func<InvoiceEvent, bool> isAwaited, bool applyAwaited = false) =>
        (await WaitAsync(null, isAwaited, applyAwaited))!;

    /// <summary>Waits until the deadline (re-read after each event, so an amended due date counts), applying
    /// whatever happens meanwhile; returns the first event <paramref name="isAwaited"/> accepts, or null when
    /// the deadline passed. A dispute in between pushes the deadline back by its length.</summary>
    private async Task<InvoiceEvent?> WaitAsync(Func<DateTime>? deadline, Func<InvoiceEvent, bool>? isAwaited = null, bool applyAwaited = false)
    {
        var paused = TimeSpan.Zero;
        while (true)
        {
            var received = await NextEventAsync(deadline is null ? null : deadline() + paused);
            if (received is null)
            {
                return null;
            }

            var awaited = isAwaited?.Invoke(received) == true;
            if (!awaited || applyAwaited)
            {
                paused += await ApplyAsync(received);
            }

            if (awaited)
            {
                return received;
            }
        }
    }

    private async Task<InvoiceEvent?> NextEventAsync(DateTime? deadlineUtc)
    {
        using var cancel = new CancellationTokenSource();
        var received = context.WaitForExternalEvent<InvoiceEvent>(EventName, cancel.Token);
        if (deadlineUtc is null)
        {
            return await received;
        }

        var timer = context.CreateTimer(deadlineUtc.Value, cancel.Token);
        var first = await Task.WhenAny(received, timer);
        cancel.Cancel();
        return first == received ? await received : null;
    }

    /// <summary>Outages and early wake-ups: act only inside the window, at its next allowed moment.</summary>
    private async Task WaitForAllowedMomentAsync(Calendar.ContactWindow window)
    {
        for (var next = ContactSchedule.NextAllowed(Now, window); next > Now; next = ContactSchedule.NextAllowed(Now, window))
        {
            await WaitAsync(next);
        }
    }

    // ── Events that may arrive at any wait ──────────────────────────────────────────────────

    /// <summary>Applies an event; returns how long chasing was paused by it.</summary>
    private async Task<TimeSpan> ApplyAsync(InvoiceEvent received)
    {
        switch (received)
        {
            case PaymentReceived payment:
                await ApplyPaymentAsync(payment.PaymentId, payment.Amount);
                break;
            case InvoiceCredited credit:
                await ApplyCreditAsync(credit.Amount, $"Credit note {credit.CreditNoteNumber}".TrimEnd());
                break;
            case InvoiceAmended amended:
                state.Balance += amended.Amount - Invoice.Amount;
                state.Invoice = Invoice with { Amount = amended.Amount, DueDate = amended.DueDate };
                await NoteAsync($"Invoice amended: amount {Euro(amended.Amount)}, due {amended.DueDate:yyyy-MM-dd}; balance {Euro(state.Balance)}.");
                CloseIfSettled();
                break;
            case InvoiceCancelled:
                throw new InvoiceClosedException(InvoiceResult.Cancelled);
            case InvoiceClosedByStaff closedByStaff:
                await NoteAsync("Closed by staff: " + closedByStaff.Reason);
                throw new InvoiceClosedException(InvoiceResult.ClosedByStaff);
            case ContactDetailsUpdated updated:
                await UpdateContactDetailsAsync(updated);
                break;
            case DeliveryFailed failed:
                await SwitchChannelAfterFailureAsync(failed);
                break;
            case DisputeOpened dispute:
                return await PauseForDisputeAsync(dispute.Reason);
            case DisputeResolved resolved:
                await ApplyCreditAsync(resolved.CreditAmount, "Dispute resolved");
                break;
            case PolicyMigrated migrated:
                await NoteAsync($"Policy migrated from {Policy.Version} to {migrated.Policy.Version}{(migrated.Reason is null ? "" : ": " + migrated.Reason)}.");
                state.Policy = migrated.Policy;
                schedule = new ContactSchedule(migrated.Policy);
                break;
            case CallOutcomeRecorded stray:
                await NoteAsync($"Call outcome for task {stray.CallTaskId} ignored: no call task of this invoice is open.");
                break;
            case ApprovalDecided stray:
                await NoteAsync($"Approval decision for {stray.ApprovalId} ignored: no approval is pending.");
                break;
        }

        return TimeSpan.Zero;
    }

    private async Task ApplyPaymentAsync(string paymentId, decimal amount)
    {
        if (state.AppliedPaymentIds.Contains(paymentId))
        {
            return;
        }

        state.AppliedPaymentIds.Add(paymentId);
        state.Paid += amount;
        state.Balance -= amount;
        await RecordAsync("payment", $"Payment {paymentId} of {Euro(amount)} received; balance {Euro(Math.Max(state.Balance, 0))}.");
        CloseIfSettled();
    }

    private async Task ApplyCreditAsync(decimal amount, string what)
    {
        if (amount > 0)
        {
            state.Credited += amount;
            state.Balance -= amount;
        }

        await NoteAsync($"{what}: {Euro(amount)} credited; balance {Euro(Math.Max(state.Balance, 0))}.");
        CloseIfSettled();
    }

    private void CloseIfSettled()
    {
        if (state.Balance <= 0)
        {
            throw new InvoiceClosedException(state.Paid > 0 ? InvoiceResult.Paid : InvoiceResult.Cancelled);
        }
    }

    /// <summary>All chasing waits until the dispute is resolved; payments still count meanwhile.</summary>
    private async Task<TimeSpan> PauseForDisputeAsync(string reason)
    {
        if (state.Dispute is not null)
        {
            await NoteAsync("Dispute already open: " + reason);
            return TimeSpan.Zero;
        }

        var openedAt = Now;
        state.Dispute = reason;
        await RaiseStaffTaskAsync($"Dispute: {reason}. Chasing is paused until it is resolved.");
        var resolved = (DisputeResolved)await WaitForEventAsync(e => e is DisputeResolved);
        state.Dispute = null;
        await ApplyCreditAsync(resolved.CreditAmount, "Dispute resolved" + (resolved.Note is null ? "" : $" ({resolved.Note})"));
        return Now - openedAt;
    }

    private async Task UpdateContactDetailsAsync(ContactDetailsUpdated updated)
    {
        var debtor = Invoice.Debtor;
        state.Invoice = Invoice with
        {
            Debtor = debtor with
            {
                Email = updated.Email ?? debtor.Email,
                Phone = updated.Phone ?? debtor.Phone,
                PreferredChannel = updated.PreferredChannel ?? debtor.PreferredChannel,
            },
        };
        state.PhoneFlagged &= updated.Phone is null;
        state.EmailFlagged &= updated.Email is null;
        state.Channel = UsableChannel(state.Invoice.Debtor.PreferredChannel) ?? state.Channel;
        await NoteAsync("Contact details updated.");
    }

    /// <summary>A delivery failure flags the contact data and switches to the other channel; the failed
    /// message is sent again there.</summary>
    private async Task SwitchChannelAfterFailureAsync(DeliveryFailed failed)
    {
        var other = await FlagChannelAsync(failed.Channel, failed.Reason);
        if (state.LastMessage is { } last && last.Channel == failed.Channel)
        {
            if (last.Request.Kind == MessageKind.FinalNotice && other != Channel.Email)
            {
                await SendFinalNoticeByPostAsync();
            }
            else if (other is not null)
            {
                await SendAsync(last.Request, other);
            }
        }
    }

    /// <summary>Flags the channel's contact data for staff; returns the channel to use from now on, if any.</summary>
    private async Task<Channel?> FlagChannelAsync(Channel channel, string? reason)
    {
        if (channel == Channel.Sms)
        {
            state.PhoneFlagged = true;
        }
        else
        {
            state.EmailFlagged = true;
        }

        var address = channel == Channel.Sms ? Invoice.Debtor.Phone : Invoice.Debtor.Email;
        await RaiseStaffTaskAsync($"{MessageNames.Of(channel)} to {address} could not be delivered{(reason is null ? "" : $" ({reason})")}: check the contact data.");
        var other = UsableChannel(Other(channel));
        if (other is not null)
        {
            state.Channel = other.Value;
        }

        return other;
    }

    /// <summary>The final notice needs proof of sending: by email, otherwise staff send it by post.</summary>
    private async Task SendFinalNoticeByPostAsync()
    {
        var dates = DateFinalNotice(NoticeDelivery.Post);
        await RaiseStaffTaskAsync($"Send the final notice by post today; it states {dates.Deadline:yyyy-MM-dd} as the deadline.");
    }

    // ── Side effects (activities) ───────────────────────────────────────────────────────────

    /// <summary>Sends at the next allowed moment. One voice per debtor: when another invoice's message today
    /// already listed this one, nothing more is sent; when it did not, this one goes the next day.</summary>
    private async Task SendAsync(MessageRequest request, Channel? channel = null)
    {
        while (true)
        {
            await WaitForAllowedMomentAsync(schedule.Messages);
            var target = channel ?? UsableChannel(state.Channel);
            if (request.Kind == MessageKind.FinalNotice && target != Channel.Email)
            {
                await SendFinalNoticeByPostAsync();
                return;
            }

            if (target is null)
            {
                await RaiseStaffTaskAsync($"No usable contact channel for the {MessageNames.Of(request.Kind)} message.");
                return;
            }

            if (request.Kind == MessageKind.FinalNotice)
            {
                request = request with { FinalNotice = DateFinalNotice(NoticeDelivery.Email) };
            }

            var message = request;
            var result = await ActivityAsync<SendMessageResult>(nameof(InvoiceActivities.SendMessage), key => new SendMessageInput(
                key, At, context.InstanceId, Invoice, message, target.Value, state.Balance, state.Paid, state.CostsCharged,
                state.Contacts.ToList(), Policy.Version, Policy.Ladder.ReminderTermDays, Policy.FinalNotice.AddVatToCosts, TreatAsConsumer));
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    state.LastMessage = new LastMessage(request, target.Value, Now);
                    state.Contacts.Add(new EarlierContact(Today, target == Channel.Sms ? EarlierContactKind.Sms : EarlierContactKind.Email));
                    return;
                case SendOutcome.Covered:
                    return;
                case SendOutcome.Deferred:
                    await WaitAsync(schedule.MessageMomentOn(Today.AddDays(1)));
                    continue;
                default:
                    channel = await FlagChannelAsync(target.Value, result.Problem);
                    if (channel is null)
                    {
                        return;
                    }

                    continue;
            }
        }
    }

    private async Task RaiseStaffTaskAsync(string reason) => await RecordAsync("staff-task", reason);

    private async Task NoteAsync(string text) => await RecordAsync("note", text);

    private async Task RecordAsync(string kind, string summary) =>
        await ActivityAsync<bool>(nameof(InvoiceActivities.Record), key => new RecordInput(key, At, Invoice, kind, summary));

    private async Task CancelCallTaskAsync(string taskId, string reason) =>
        await ActivityAsync<bool>(nameof(InvoiceActivities.CancelCallTask), key => new CancelCallTaskInput(key, At, Invoice, taskId, reason));

    private async Task<T> ActivityAsync<T>(string activity, Func<string, object> input)
    {
        state.StepsSinceRestart++;
        state.Steps++;

        // Ordered by step, so the contact log lists what happened at the same moment in causal order.
        var key = $"{context.InstanceId}:{state.Steps:D5}:{context.NewGuid():N}";
        return await context.CallActivityAsync<T>(activity, input(key), ActivityRetry);
    }

    // ── Small pure helpers ──────────────────────────────────────────────────────────────────

    private bool TreatAsConsumer => Invoice.Debtor.Kind == DebtorKind.Consumer || Policy.FinalNotice.TreatBusinessAsConsumer;

    private Channel? UsableChannel(Channel wanted)
    {
        bool Usable(Channel channel) => channel == Channel.Sms
            ? !state.PhoneFlagged && !string.IsNullOrEmpty(Invoice.Debtor.Phone)
            : !state.EmailFlagged && !string.IsNullOrEmpty(Invoice.Debtor.Email);
        return Usable(wanted) ? wanted : Usable(Other(wanted)) ? Other(wanted) : null;
    }

    private static Channel Other(Channel channel) => channel == Channel.Sms ? Channel.Email : Channel.Sms;

    private TimeOnly AttemptTime(int attempt) => Policy.Calls.AttemptTimes[attempt % Policy.Calls.AttemptTimes.Count];

    /// <summary>R12: late when enough earlier invoices were paid late or they were paid late by many days on average.</summary>
    public static bool IsLatePayer(PaymentHistory? history, PreDueNudgePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return history is not null
            && (history.InvoicesPaidLate >= policy.MinInvoicesPaidLate || history.AverageDaysLate > policy.AverageDaysLateAbove);
    }

    /// <summary>The final notice's deadline counts from the day it is actually sent (also when sent again).</summary>
    private FinalNoticeDates DateFinalNotice(NoticeDelivery delivery)
    {
        var statutory = FinalNotice.Dates(Today, delivery);
        var deadline = BusinessCalendar.Dutch.OnOrNextBusinessDay(statutory.Deadline.AddDays(Policy.FinalNotice.DeadlineMarginDays));
        var dates = statutory with { Deadline = deadline, CostsChargeableFrom = deadline.AddDays(1) };
        state.FinalNoticeSentOn = Today;
        state.FinalNoticeLastDay = dates.Deadline;
        return dates;
    }

    /// <summary>The plan as a message shows it: instalments covered by payments are paid, the one just missed is missed.</summary>
    private PaymentPlanDetails DescribePlan(PaymentPlan plan)
    {
        var paid = state.Paid - plan.PaidAtStart;
        var instalments = new List<Messages.Instalment>();
        for (var index = 0; index < plan.Instalments.Count; index++)
        {
            var instalment = plan.Instalments[index];
            var status = paid >= instalment.Amount ? InstalmentStatus.Paid : index <= plan.Next ? InstalmentStatus.Missed : InstalmentStatus.Scheduled;
            paid = Math.Max(0, paid - instalment.Amount);
            instalments.Add(new Messages.Instalment(instalment.DueDate, instalment.Amount, status));
        }

        return new PaymentPlanDetails(plan.AgreedOn, instalments);
    }

    private string? DescribeAgreement() =>
        state.Promise is { } promise ? $"promised to pay by {promise.Date:yyyy-MM-dd}"
        : state.Plan is { } plan ? $"payment plan, instalment {plan.Next + 1} of {plan.Instalments.Count}"
        : null;

    private static string Describe(CallOutcome outcome) => outcome.Kind switch
    {
        CallOutcomeKind.PromiseToPay => $" (by {outcome.PromisedDate:yyyy-MM-dd})",
        CallOutcomeKind.PaymentPlan => $" ({outcome.Instalments?.Count ?? 0} instalments)",
        CallOutcomeKind.Dispute or CallOutcomeKind.Hardship => outcome.Reason is null ? "" : $" ({outcome.Reason})",
        CallOutcomeKind.CallbackRequested => outcome.CallbackAt is null ? "" : $" (at {outcome.CallbackAt:yyyy-MM-dd HH:mm})",
        _ => outcome.Note is null ? "" : $" ({outcome.Note})",
    };

    private static string Euro(decimal amount) => "€" + amount.ToString("N2", CultureInfo.InvariantCulture);

    private static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Ends the workflow from any wait (paid, cancelled, decided by staff).</summary>
    private sealed class InvoiceClosedException(InvoiceResult result) : Exception($"Invoice closed: {result}.")
    {
        public InvoiceResult Result { get; } = result;
    }
}
