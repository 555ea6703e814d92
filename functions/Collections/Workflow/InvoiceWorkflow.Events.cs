using Collections.Activities;
using Collections.Invoices;
using Collections.Law;
using Collections.Messages;
using Collections.Storage;

namespace Collections.Workflow;

/// <summary>Events that may arrive at any wait: payments, credits, changes, disputes, delivery failures, migrations.</summary>
public sealed partial class InvoiceWorkflow
{
    /// <summary>Applies an event; returns how long chasing was paused by it.</summary>
    private async Task<TimeSpan> ApplyAsync(InvoiceEvent received)
    {
        switch (received)
        {
            case PaymentReceived payment:
                await ApplyPaymentAsync(payment.PaymentId, payment.Amount);
                break;
            case InvoiceCredited { CreditNoteNumber: { } number } when state.AppliedCreditNotes.Contains(number):
                await NoteAsync($"Credit note {number} was applied before; ignored.", new { text = "credit-note-again", creditNote = number });
                break;
            case InvoiceCredited credit:
                if (credit.CreditNoteNumber is { } creditNote)
                {
                    state.AppliedCreditNotes.Add(creditNote);
                }

                await ApplyCreditAsync(credit.Amount, $"Credit note {credit.CreditNoteNumber}".TrimEnd(), "credit-note", credit.CreditNoteNumber);
                break;
            case InvoiceAmended amended:
                state.Balance += amended.Amount - Invoice.Amount;
                state.Invoice = Invoice with { Amount = amended.Amount, DueDate = amended.DueDate };
                await NoteAsync(
                    $"Invoice amended: amount {Euro(amended.Amount)}, due {amended.DueDate:yyyy-MM-dd}; balance {Euro(state.Balance)}.",
                    new { text = "amended", amount = amended.Amount, due = amended.DueDate, balance = state.Balance });
                CloseIfSettled();
                break;
            case InvoiceCancelled:
                throw new InvoiceClosedException(InvoiceResult.Cancelled);
            case InvoiceClosedByStaff closedByStaff:
                await NoteAsync("Closed by staff: " + closedByStaff.Reason, new { text = "closed-by-staff", reason = closedByStaff.Reason });
                throw new InvoiceClosedException(InvoiceResult.ClosedByStaff);
            case ContactDetailsUpdated updated:
                await UpdateContactDetailsAsync(updated);
                break;
            case WhatsAppConsentChanged consent:
                ChangeWhatsAppConsent(consent);
                break;
            case DeliveryFailed failed:
                await SwitchChannelAfterFailureAsync(failed);
                break;
            case DisputeOpened dispute:
                return await PauseForDisputeAsync(dispute.Reason);
            case ChasingPaused when !IsPaused:
                state.PausedSinceUtc = Now;
                PublishStatus();
                break;
            case ChasingResumed when state.PausedSinceUtc is { } since:
                state.PausedSinceUtc = null;
                PublishStatus();
                return Now - since;
            case PaymentPlanAgreed agreed:
                await FollowAgreedPlanAsync(agreed);
                break;
            case DisputeResolved resolved:
                await ApplyCreditAsync(resolved.CreditAmount, "Dispute resolved", "dispute-resolved");
                break;
            case PolicyMigrated migrated:
                await NoteAsync(
                    $"Policy migrated from {Policy.Version} to {migrated.Policy.Version}{(migrated.Reason is null ? "" : ": " + migrated.Reason)}.",
                    new { text = "policy-migrated", from = Policy.Version, to = migrated.Policy.Version, reason = migrated.Reason });
                state.Policy = migrated.Policy;
                schedule = new ContactSchedule(migrated.Policy);
                break;
            case CallOutcomeRecorded stray:
                await NoteAsync($"Call outcome for task {stray.CallTaskId} ignored: no call task of this invoice is open.", new { text = "stray-call-outcome" });
                break;
            case ApprovalDecided stray:
                await NoteAsync($"Approval decision for {stray.ApprovalId} ignored: no approval is pending.", new { text = "stray-approval" });
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
        await RecordAsync(
            ContactKinds.Payment,
            $"Payment {paymentId} of {Euro(amount)} received; balance {Euro(Math.Max(state.Balance, 0))}.",
            new { paymentId, amount, balance = Math.Max(state.Balance, 0) });
        if (state.Balance < 0)
        {
            // The debtor paid more than was owed: the difference is theirs, so a person decides to refund or offset it.
            await RaiseStaffTaskAsync(
                StaffTaskKinds.Overpayment,
                $"Overpaid: {Euro(-state.Balance)} more than the open balance was received. Refund it or offset it against another invoice.",
                new { text = "overpayment", amount = -state.Balance });
        }

        CloseIfSettled();
    }

    /// <param name="source">credit-note or dispute-resolved: which text pages tell it with.</param>
    private async Task ApplyCreditAsync(decimal amount, string what, string source, string? creditNote = null, string? note = null)
    {
        if (amount > 0)
        {
            state.Credited += amount;
            state.Balance -= amount;
        }

        var balance = Math.Max(state.Balance, 0);
        await NoteAsync($"{what}: {Euro(amount)} credited; balance {Euro(balance)}.", new { text = "credited-" + source, creditNote, note, amount, balance });
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
            await NoteAsync("Dispute already open: " + reason, new { text = "dispute-already-open", reason });
            return TimeSpan.Zero;
        }

        var openedAt = Now;
        state.Dispute = reason;
        await RaiseStaffTaskAsync(StaffTaskKinds.Dispute, $"Dispute: {reason}. Chasing is paused until it is resolved.", new { text = "dispute", reason });
        var resolved = (DisputeResolved)await WaitForEventAsync(e => e is DisputeResolved);
        state.Dispute = null;
        await ApplyCreditAsync(resolved.CreditAmount, "Dispute resolved" + (resolved.Note is null ? "" : $" ({resolved.Note})"), "dispute-resolved", note: resolved.Note);
        return Now - openedAt;
    }

    /// <summary>R7: the debtor's own plan replaces the ladder (or an earlier agreement) from now on; the step
    /// that was interrupted continues if an instalment is missed. An open dispute needs a person first.</summary>
    private async Task FollowAgreedPlanAsync(PaymentPlanAgreed agreed)
    {
        if (state.Plan is { } current && current.Instalments.SequenceEqual(agreed.Instalments))
        {
            return; // The same plan again: a form sent twice, or an event Durable Task delivered again.
        }

        var terms = $"{Euro(agreed.Instalments.Sum(instalment => instalment.Amount))} in {agreed.Instalments.Count} instalment{(agreed.Instalments.Count == 1 ? "" : "s")}, the last due {agreed.Instalments[^1].DueDate:yyyy-MM-dd}";
        if (state.Dispute is not null)
        {
            await RaiseStaffTaskAsync(
                StaffTaskKinds.Dispute,
                $"The debtor proposed a payment plan ({terms}) while a dispute is open: agree it with them once the dispute is settled.",
                new { text = "plan-during-dispute", total = agreed.Instalments.Sum(instalment => instalment.Amount), instalments = agreed.Instalments.Count, lastDue = agreed.Instalments[^1].DueDate });
            return;
        }

        if (state.Call?.TaskId is { } taskId)
        {
            await CancelCallTaskAsync(taskId, CallTaskClosures.PlanAgreed);
        }

        state.AfterAgreement = state.Stage switch
        {
            InvoiceStage.Call => state.Call?.Next ?? state.AfterAgreement,
            InvoiceStage.WatchPromise or InvoiceStage.WatchPaymentPlan => state.AfterAgreement,
            InvoiceStage.BusinesslikeReminder or InvoiceStage.FollowUpCall or InvoiceStage.FinalNotice or InvoiceStage.FinalNoticeTerm
                or InvoiceStage.HandOverApproval or InvoiceStage.ManualHandling => state.Stage,
            _ => InvoiceStage.BusinesslikeReminder,
        };
        state.Call = null;
        state.Promise = null;
        state.ApprovalId = null;
        state.Plan = new PaymentPlan(Today, agreed.Instalments, 0, state.Paid);
        state.PromisesMade++;
        state.LastStepUtc = Now;
        await RecordAsync("plan-agreed", $"Payment plan agreed with the debtor: {terms}.");
        await ConfirmPlanAsync();
        throw new StageChangedException(InvoiceStage.WatchPaymentPlan);
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
        state.WhatsAppFlagged &= updated.Phone is null;
        state.EmailFlagged &= updated.Email is null;
        state.Channel = UsableChannel(state.Invoice.Debtor.PreferredChannel) ?? state.Channel;
        await NoteAsync("Contact details updated.", new { text = "contact-updated" });
    }

    /// <summary>The workflow's own copy of the opt-in is what <see cref="UsableChannel"/> reads; the store logged the change.</summary>
    private void ChangeWhatsAppConsent(WhatsAppConsentChanged consent)
    {
        var debtor = Invoice.Debtor;
        state.Invoice = Invoice with
        {
            Debtor = debtor with
            {
                WhatsAppOptIn = consent.OptIn,
                PreferredChannel = consent.OptIn is null ? debtor.PreferredChannel : Channel.WhatsApp,
            },
        };
        state.Channel = UsableChannel(state.Invoice.Debtor.PreferredChannel) ?? state.Channel;
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
                await SendAsync(last.Request, other, resend: true);
            }
        }
    }

    /// <summary>Flags the channel's contact data for staff; returns the channel to use from now on, if any.</summary>
    private async Task<Channel?> FlagChannelAsync(Channel channel, string? reason)
    {
        if (channel == Channel.WhatsApp)
        {
            state.WhatsAppFlagged = true;
        }
        else if (channel == Channel.Sms)
        {
            state.PhoneFlagged = true;
        }
        else
        {
            state.EmailFlagged = true;
        }

        var address = channel == Channel.Email ? Invoice.Debtor.Email : Invoice.Debtor.Phone;
        await RaiseStaffTaskAsync(
            StaffTaskKinds.DeliveryFailed,
            $"{MessageNames.Of(channel)} to {address} could not be delivered{(reason is null ? "" : $" ({reason})")}: check the contact data.",
            new { text = "delivery-failed", channel = MessageNames.Of(channel), address, reason });
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
        state.LastLadderStep = LadderStep.Formal;
        await RaiseStaffTaskAsync(
            StaffTaskKinds.PostalNotice, $"Send the final notice by post today; it states {dates.Deadline:yyyy-MM-dd} as the deadline.", new { text = "postal-notice", deadline = dates.Deadline });
    }
}
