using System.Globalization;
using System.Text.Json;
using Collections.Activities;
using Collections.Calendar;
using Collections.Contacts;
using Collections.Invoices;
using Collections.Json;
using Collections.Law;
using Collections.Messages;
using Collections.Policy;
using Collections.Storage;

namespace Collections.Workflow;

/// <summary>Side effects (activities) and the small pure helpers the steps use.</summary>
public sealed partial class InvoiceWorkflow
{
    /// <summary>Sends at the next allowed moment. One voice per debtor: when another invoice's message today
    /// already listed this one, nothing more is sent; when it did not, this one goes the next day.</summary>
    private async Task SendAsync(MessageRequest request, Channel? channel = null, bool resend = false)
    {
        Outage? outage = null;
        string? outageKey = null;
        DateTimeOffset? budgetSlot = null;
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
                await RaiseStaffTaskAsync(
                    StaffTaskKinds.ContactData, $"No usable contact channel for the {MessageNames.Of(request.Kind)} message.", new { text = "no-channel", message = MessageNames.Of(request.Kind) });
                return;
            }

            if (request.Kind == MessageKind.FinalNotice)
            {
                request = request with { FinalNotice = DateFinalNotice(NoticeDelivery.Email) };
            }

            var message = request;
            var key = outageKey ?? NextStepKey();
            SendMessageResult result;
            try
            {
                result = await context.CallActivityAsync<SendMessageResult>(nameof(InvoiceActivities.SendMessage), new SendMessageInput(
                    key, At, context.InstanceId, Invoice, message, target.Value, state.Balance, state.Paid, state.CostsCharged,
                    state.Contacts.ToList(), Policy.Version, Policy.Ladder.ReminderTermDays, Policy.FinalNotice.AddVatToCosts, TreatAsConsumer, resend,
                    target == Channel.WhatsApp ? Policy.WhatsApp : null, budgetSlot, new DateTimeOffset(schedule.WindowEnd(Now, schedule.Messages))), ActivityRetry);
            }
            catch (ActivityFailedException failed)
            {
                // The provider is down: wait it out, then decide again from the top — at the next allowed moment,
                // with the balance and deadline of that moment — under the same key, so it goes out once.
                outage ??= new Outage(Now, target switch
                {
                    Channel.Sms => "the SMS provider",
                    Channel.WhatsApp => "the WhatsApp provider",
                    _ => "the email provider",
                });
                await WaitOutOutageAsync(outage, failed);
                outage.Round++;
                outageKey = key;
                continue;
            }

            (outage, outageKey, budgetSlot) = (null, null, null);
            var sentVia = result.SentVia ?? target.Value;
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    state.LastMessage = new LastMessage(request, sentVia, Now);
                    state.LastLadderStep = LadderStepOf(request) ?? state.LastLadderStep;
                    state.StatedDeadline = StatedDeadline(request) ?? state.StatedDeadline;
                    state.Contacts.Add(new EarlierContact(Today, EarlierContactKindOf(sentVia)));
                    return;
                case SendOutcome.Covered:
                    // Today's message to the debtor listed this invoice and stated the same term: it holds here too.
                    state.StatedDeadline = StatedDeadline(request) ?? state.StatedDeadline;
                    return;
                case SendOutcome.Deferred:
                    await WaitAsync(schedule.MessageMomentOn(Today.AddDays(1)));
                    continue;
                case SendOutcome.Throttled:
                    // Over the channel's budget: nothing was sent. Wait for the slot it was given (or the end of
                    // the message window), then decide again from the top under the same key, bringing the slot;
                    // past the message window it moves to the next allowed moment, and the deadline it states
                    // counts from the day it goes.
                    await WaitAsync(result.NotBefore!.Value.UtcDateTime);
                    outageKey = key;
                    budgetSlot = result.BudgetSlot;
                    continue;
                default:
                    channel = await FlagChannelAsync(sentVia, result.Problem);
                    resend = true;
                    if (channel is null)
                    {
                        return;
                    }

                    continue;
            }
        }
    }

    /// <param name="text">Which text <paramref name="reason"/> is and its values (<c>new { text = "wrong-number", phone }</c>),
    /// so pages tell it in their language; null where the reason has no such form yet.</param>
    private async Task RaiseStaffTaskAsync(string kind, string reason, object? text = null) =>
        await ActivityAsync<bool>(nameof(InvoiceActivities.Record), key => new RecordInput(
            key, At, Invoice, ContactKinds.StaffTask, reason, DataJson: text is null ? null : JsonSerializer.Serialize(text, CollectionsJson.Options), TaskKind: kind));

    /// <param name="facts">Which text <paramref name="text"/> is and its values, so pages tell it in their language.</param>
    private async Task NoteAsync(string text, object facts) => await RecordAsync("note", text, facts);

    /// <param name="details">Facts of the line (<see cref="ContactLogDetails"/>), so readers see it told in their language.</param>
    private async Task RecordAsync(string kind, string summary, object? details = null) =>
        await ActivityAsync<bool>(nameof(InvoiceActivities.Record), key => new RecordInput(
            key, At, Invoice, kind, summary, DataJson: details is null ? null : JsonSerializer.Serialize(details, CollectionsJson.Options)));

    /// <summary>Writes the stage, the last ladder step and the promise counts to the store when they changed, so staff can
    /// filter on the stage and the overview can count by them without asking every workflow. Called as a wait begins:
    /// the stage a workflow rests in is the one staff look for, and the stages it passes through within one turn cost no
    /// activity.</summary>
    private async Task StoreStageAsync()
    {
        if (state.StoresProgress)
        {
            var progress = new StoredProgress(state.Stage, state.LastLadderStep, state.PromisesMade, state.PromisesBroken);
            if (progress == state.StoredProgress)
            {
                return;
            }

            await ActivityAsync<bool>(nameof(InvoiceActivities.RecordStage), _ => new RecordStageInput(
                Invoice.Number, Kebab(state.Stage), Kebab(state.LastLadderStep), state.PromisesMade, state.PromisesBroken));
            (state.StoredProgress, state.StoredStage) = (progress, state.Stage);
            return;
        }

        // A run that began before progress was stored writes the stage alone, exactly as its history recorded.
        if (!state.StoresStage || state.StoredStage == state.Stage)
        {
            return;
        }

        await ActivityAsync<bool>(nameof(InvoiceActivities.RecordStage), _ => new RecordStageInput(Invoice.Number, Kebab(state.Stage)));
        state.StoredStage = state.Stage;
    }

    private async Task CancelCallTaskAsync(string taskId, string reason) =>
        await ActivityAsync<bool>(nameof(InvoiceActivities.CancelCallTask), key => new CancelCallTaskInput(key, At, Invoice, taskId, reason));

    /// <summary>Runs the activity until it succeeds: when the outside world keeps failing, it waits out the outage
    /// (<see cref="WaitOutOutageAsync"/>) and tries again with the same key, so the effect still happens once.</summary>
    private async Task<T> ActivityAsync<T>(string activity, Func<string, object> input, string? waitingFor = null)
    {
        var key = NextStepKey();
        for (var outage = new Outage(Now, waitingFor ?? "the store"); ; outage.Round++)
        {
            try
            {
                return await context.CallActivityAsync<T>(activity, input(key), ActivityRetry);
            }
            catch (ActivityFailedException failed)
            {
                await WaitOutOutageAsync(outage, failed);
            }
        }
    }

    private string NextStepKey()
    {
        state.StepsSinceRestart++;
        state.Steps++;

        // Ordered by step, so the contact log lists what happened at the same moment in causal order.
        return $"{context.InstanceId}:{state.Steps:D5}:{context.NewGuid():N}";
    }

    /// <summary>Shows what the workflow waits for, tells staff once the outage passed the policy's limit, and
    /// sleeps on a durable timer before the next try. Events arriving meanwhile stay buffered, in order.</summary>
    private async Task WaitOutOutageAsync(Outage outage, ActivityFailedException failed)
    {
        waitingForOutsideWorld = "waiting for " + outage.WaitingFor;
        PublishStatus();
        if (!outage.StaffTold && Now - outage.Since >= TimeSpan.FromMinutes(Policy.Outages.StaffTaskAfterMinutes))
        {
            try
            {
                // Directly, not through ActivityAsync: when the store itself is down this must not wait in turn.
                await context.CallActivityAsync<bool>(nameof(InvoiceActivities.Record), new RecordInput(
                    NextStepKey(), At, Invoice, ContactKinds.StaffTask, $"Waiting for {outage.WaitingFor} since {schedule.Local(outage.Since):yyyy-MM-dd HH:mm}: {failed.Message}", TaskKind: StaffTaskKinds.Outage), ActivityRetry);
                outage.StaffTold = true;
            }
            catch (ActivityFailedException)
            {
                // The store is down too: told at the next round.
            }
        }

        // An operator who knows the provider is back can cut the wait short (POST /api/operations/workflows/{number}/retry).
        var retryAt = Now + Policy.Outages.WaitBefore(outage.Round);
        PublishWait(retryAt, RetryNowEventName);
        using var cancel = new CancellationTokenSource();
        var retryNow = context.WaitForExternalEvent<bool>(RetryNowEventName, cancel.Token);
        var timer = context.CreateTimer(retryAt, cancel.Token);
        await Task.WhenAny(retryNow, timer);
        cancel.Cancel();
        waitingForOutsideWorld = null;
        PublishWait(null);
    }

    /// <summary>One outage as one activity meets it: since when, what for, how many waits so far.</summary>
    private sealed class Outage(DateTime since, string waitingFor)
    {
        public DateTime Since { get; } = since;

        public string WaitingFor { get; } = waitingFor;

        public int Round { get; set; }

        public bool StaffTold { get; set; }
    }

    // ── Small pure helpers ──────────────────────────────────────────────────────────────────

    private bool TreatAsConsumer => Invoice.Debtor.Kind == DebtorKind.Consumer || Policy.FinalNotice.TreatBusinessAsConsumer;

    /// <summary>The wanted channel, else the next one that works: WhatsApp falls back to SMS, SMS to email, email to SMS.
    /// WhatsApp needs the debtor's recorded opt-in.</summary>
    private Channel? UsableChannel(Channel wanted)
    {
        bool Usable(Channel channel) => channel switch
        {
            Channel.Sms => !state.PhoneFlagged && PhoneNumberNormalizer.CanReceiveSms(Invoice.Debtor.Phone),
            Channel.WhatsApp => !state.WhatsAppFlagged && !state.PhoneFlagged && !string.IsNullOrEmpty(Invoice.Debtor.Phone) && Invoice.Debtor.WhatsAppOptIn is not null,
            _ => !state.EmailFlagged && !string.IsNullOrEmpty(Invoice.Debtor.Email),
        };
        Channel[] order = wanted switch
        {
            Channel.WhatsApp => [Channel.WhatsApp, Channel.Sms, Channel.Email],
            Channel.Sms => [Channel.Sms, Channel.Email],
            _ => [Channel.Email, Channel.Sms],
        };
        return order.Where(Usable).Cast<Channel?>().FirstOrDefault();
    }

    /// <summary>The channel to switch to after this one failed (WhatsApp: SMS, the same number).</summary>
    private static Channel Other(Channel channel) => channel == Channel.Sms ? Channel.Email : Channel.Sms;

    private static EarlierContactKind EarlierContactKindOf(Channel channel) => channel switch
    {
        Channel.Sms => EarlierContactKind.Sms,
        Channel.WhatsApp => EarlierContactKind.WhatsApp,
        _ => EarlierContactKind.Email,
    };

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
        var dates = FinalNoticeDatesOn(Today, delivery);
        state.FinalNoticeSentOn = Today;
        state.FinalNoticeLastDay = dates.Deadline;
        return dates;
    }

    private FinalNoticeDates FinalNoticeDatesOn(DateOnly sentOn, NoticeDelivery delivery)
    {
        var statutory = FinalNotice.Dates(sentOn, delivery);
        var deadline = BusinessCalendar.Dutch.OnOrNextBusinessDay(statutory.Deadline.AddDays(Policy.FinalNotice.DeadlineMarginDays));
        return statutory with { Deadline = deadline, CostsChargeableFrom = deadline.AddDays(1) };
    }

    /// <summary>The plan as a message shows it: instalments covered by payments are paid; with
    /// <paramref name="nextMissed"/>, the one just missed (and any unpaid before it) is missed.</summary>
    private PaymentPlanDetails DescribePlan(PaymentPlan plan, bool nextMissed)
    {
        var paid = state.Paid - plan.PaidAtStart;
        var instalments = new List<Messages.Instalment>();
        for (var index = 0; index < plan.Instalments.Count; index++)
        {
            var instalment = plan.Instalments[index];
            var status = paid >= instalment.Amount ? InstalmentStatus.Paid : nextMissed && index <= plan.Next ? InstalmentStatus.Missed : InstalmentStatus.Scheduled;
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

    /// <summary>A call outcome's facts for the timeline, in the shape of a note's (<c>text</c> names it).</summary>
    private static object OutcomeFacts(CallOutcome outcome) => new
    {
        text = "call-outcome",
        outcome = Kebab(outcome.Kind),
        promisedDate = outcome.Kind == CallOutcomeKind.PromiseToPay ? outcome.PromisedDate : null,
        instalments = outcome.Kind == CallOutcomeKind.PaymentPlan ? outcome.Instalments?.Count : null,
        reason = outcome.Kind is CallOutcomeKind.Dispute or CallOutcomeKind.Hardship ? outcome.Reason : null,
        callbackAt = outcome.Kind == CallOutcomeKind.CallbackRequested ? outcome.CallbackAt : null,
        note = outcome.Kind is CallOutcomeKind.PromiseToPay or CallOutcomeKind.PaymentPlan or CallOutcomeKind.Dispute or CallOutcomeKind.Hardship
            or CallOutcomeKind.CallbackRequested ? null : outcome.Note,
    };

    private static string Euro(decimal amount) => "€" + amount.ToString("N2", CultureInfo.InvariantCulture);

    private static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Leaves the current step from any wait for another (an agreement reached outside a call).</summary>
    private sealed class StageChangedException(InvoiceStage next) : Exception($"Stage changed to {next}.")
    {
        public InvoiceStage Next { get; } = next;
    }

    /// <summary>Ends the workflow from any wait (paid, cancelled, decided by staff).</summary>
    private sealed class InvoiceClosedException(InvoiceResult result) : Exception($"Invoice closed: {result}.")
    {
        public InvoiceResult Result { get; } = result;
    }
}
