using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collections.Calendar;
using Collections.Contacts;
using Collections.HandOver;
using Collections.Invoices;
using Collections.Json;
using Collections.Law;
using Collections.Links;
using Collections.Messages;
using Collections.Messaging;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Activities;

/// <summary>
/// The invoice workflow's side effects. At-least-once: each one does its work once per
/// <c>StepKey</c> (contact-log entries, call tasks and approvals are keyed by it; channels dedupe on it).
/// Everything a user sees later — the staff list, the debtor's timeline, <c>simulate</c> — is read
/// from what these write to the store.
/// </summary>
public sealed class InvoiceActivities(ICollectionsStore store, IMessageSender sender, InvoiceActivityOptions options)
{
    private static readonly MessageRenderer Renderer = MessageRenderer.Default;
    private readonly DebtorGate debtorGate = new(store);
    private readonly SendingBudgetLedger budget = new(options.SendingBudgets, store);

    /// <summary>R2: contact data normalised or refused, the invoice sane, an open dispute, payments recorded before the workflow.</summary>
    public async Task<InvoiceCheck> CheckInvoice(CheckInvoiceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var debtor = input.Invoice.Debtor;
        var problems = new List<CheckProblem>();
        var phone = Check(debtor.Phone, phone => PhoneNumberNormalizer.Normalize(phone), "phone", debtor.PreferredChannel is Channel.Sms or Channel.WhatsApp, problems);
        var email = Check(debtor.Email, EmailAddressValidator.Validate, "email", debtor.PreferredChannel == Channel.Email, problems);

        var invoiceProblems = new List<string>();
        if (input.Invoice.Amount <= 0)
        {
            invoiceProblems.Add($"amount {input.Invoice.Amount} is not positive");
            problems.Add(CheckProblem.Of("amount-not-positive", ("amount", Invariant(input.Invoice.Amount))));
        }

        if (input.Invoice.DueDate < input.Invoice.IssueDate)
        {
            invoiceProblems.Add($"due date {input.Invoice.DueDate:yyyy-MM-dd} lies before the issue date {input.Invoice.IssueDate:yyyy-MM-dd}");
            problems.Add(CheckProblem.Of("due-before-issue", ("due", Invariant(input.Invoice.DueDate)), ("issue", Invariant(input.Invoice.IssueDate))));
        }

        var contacts = await store.ListContactsAsync(input.Invoice.Number, CancellationToken.None);
        var lastDispute = contacts.LastOrDefault(entry => entry.Kind is ContactKinds.DisputeOpened or ContactKinds.DisputeResolved);
        var openDispute = lastDispute?.Kind == ContactKinds.DisputeOpened ? lastDispute.Summary : null;

        var payments = (await store.ListPaymentsAsync(input.Invoice.Number, CancellationToken.None))
            .ToLookup(payment => payment.CountsFor(input.Invoice));
        problems.AddRange(payments[false].Select(payment => CheckProblem.Of(
            "foreign-payment", ("paymentId", payment.PaymentId), ("amount", Invariant(payment.Amount)), ("currency", payment.Currency), ("invoiceCurrency", input.Invoice.Currency))));
        return new InvoiceCheck(
            phone.Value,
            phone.Problem,
            email.Value,
            email.Problem,
            invoiceProblems,
            openDispute,
            [.. payments[true].Select(payment => new RecordedPayment(payment.PaymentId, payment.Amount, payment.PaidAt))],
            RecordedPaymentHistory.BetterInformed(debtor.History, await RecordedHistoryAsync(input)),
            [.. payments[false].Select(payment => $"payment {payment.PaymentId} of {payment.Amount} {payment.Currency} is not in the invoice's currency ({input.Invoice.Currency}) and was not counted")],
            problems);
    }

    private static SendMessageResult Throttled(Channel channel, BudgetWait wait) =>
        new(SendOutcome.Throttled, SentVia: channel, NotBefore: wait.NotBefore, BudgetSlot: wait.Reserved ? wait.NotBefore : null);

    private async Task<PaymentHistory?> RecordedHistoryAsync(CheckInvoiceInput input)
    {
        var paid = new List<(Invoice, IReadOnlyList<PaymentRecord>)>();
        foreach (var earlier in await store.ListInvoicesOfDebtorAsync(input.Invoice.Debtor.Id, CancellationToken.None))
        {
            if (earlier.Invoice.Number != input.Invoice.Number && earlier.Status == Kebab(InvoiceResult.Paid))
            {
                paid.Add((earlier.Invoice, await store.ListPaymentsAsync(earlier.Invoice.Number, CancellationToken.None)));
            }
        }

        return RecordedPaymentHistory.From(paid, input.At.Offset);
    }

    /// <summary>Renders and sends one message over one channel and logs it; a permanent refusal is reported, not thrown.
    /// One voice per debtor: the first message of the day lists every overdue invoice of the debtor; a later
    /// request that day is covered by it, or deferred to the next day when it was not listed.</summary>
    public async Task<SendMessageResult> SendMessage(SendMessageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invoice = input.Invoice;
        var today = DateOnly.FromDateTime(input.At.DateTime);
        var budgetRequest = new BudgetRequest(input.BudgetSlot, input.SendBy);
        if (await budget.PeekAsync(input.Channel, input.StepKey, input.At, budgetRequest) is { } full)
        {
            // The channel's budget is used up: wait without taking the debtor's turn (a store write) to find out.
            return Throttled(input.Channel, full);
        }

        await using var debtorTurn = await debtorGate.EnterAsync(invoice.Debtor.Id);

        var debtorContacts = await store.ListContactsOfDebtorAsync(invoice.Debtor.Id, CancellationToken.None);
        var sentToday = debtorContacts
            .Where(entry => entry.Kind == ContactKinds.Message && entry.Id != input.StepKey && DateOnly.FromDateTime(entry.At.ToOffset(input.At.Offset).DateTime) == today)
            .ToList();
        if (sentToday.Count > 0 && !input.Resend)
        {
            var covered = sentToday.Any(entry => ListedInvoices(entry).Contains(invoice.Number));
            await LogAsync(input.StepKey + ":one-voice", invoice, input.At, ContactKinds.Note, covered
                ? $"No separate {MessageNames.Of(input.Message.Kind)}: today's message to the debtor already listed this invoice."
                : $"{MessageNames.Of(input.Message.Kind)} moved to the next day: the debtor already had a message today.");
            return new SendMessageResult(covered ? SendOutcome.Covered : SendOutcome.Deferred);
        }

        var request = input.Message;
        var claim = ClaimAmounts.For(invoice, input.Balance, today, input.CostsCharged, input.TreatAsConsumer, input.AddVatToCosts);
        var others = request.Kind is MessageKind.Reminder or MessageKind.PromiseReminder or MessageKind.InstalmentReminder
            ? await OtherOverdueInvoicesAsync(invoice, today)
            : [];
        var model = Model(invoice, today, input.EarlierContacts) with
        {
            Invoices = [Line(invoice, input.Balance, claim), .. others],
            NewDeadline = request.FinalNotice?.Deadline
                ?? (request.Kind == MessageKind.PreDueNudge ? invoice.DueDate : today.AddDays(input.ReminderTermDays)),
            FinalNotice = request.Kind == MessageKind.FinalNotice
                ? new FinalNoticeTerms(
                    input.TreatAsConsumer ? FinalNoticeRegime.Consumer : FinalNoticeRegime.Business,
                    input.AddVatToCosts,
                    HandOverPossible: options.CollectionAgency is not null && options.CollectionAgencyEmail is not null)
                : null,
            Promise = request.Promise,
            PaymentPlan = request.Plan,
            DebtHelp = options.DebtHelp,
        };

        var channel = input.Channel;
        TemplateMessage? template = null;
        if (channel == Channel.WhatsApp)
        {
            var whatsApp = input.WhatsApp ?? new WhatsAppPolicy();
            var language = MessageLanguage.Resolve(invoice.Debtor.Language);
            if (!WhatsAppMessages.InFreeTextWindow(debtorContacts, input.At, whatsApp.FreeTextWindow))
            {
                if (whatsApp.TemplateFor(request.Kind, request.Tone, language) is { } approved)
                {
                    template = WhatsAppMessages.Template(approved, model, language);
                }
                else
                {
                    // WhatsApp allows only approved templates to open a conversation: without one, this kind goes by SMS.
                    channel = Channel.Sms;
                    await LogAsync(input.StepKey + ":no-template", invoice, input.At, ContactKinds.Note,
                        $"{MessageNames.Of(request.Kind)} sent by SMS: no approved WhatsApp template for it in {language}.");
                }
            }
        }

        // WhatsApp free text reads like the SMS.
        var rendered = Renderer.Render(request.Kind, request.Tone, channel == Channel.WhatsApp ? Channel.Sms : channel, invoice.Debtor.Language, model);
        var text = template?.Text ?? rendered.Text;
        var to = (channel == Channel.Email ? invoice.Debtor.Email : invoice.Debtor.Phone) ?? string.Empty;
        if (await budget.TryTakeAsync(channel, input.StepKey, input.At, channel == input.Channel ? budgetRequest : budgetRequest with { Slot = null }) is { } notBefore)
        {
            return Throttled(channel, notBefore);
        }

        try
        {
            var receipt = await sender.SendAsync(
                new OutgoingMessage(input.StepKey, channel, to, rendered.Subject, text, rendered.Html, InvoiceWorkflow.InstanceIdFor(invoice.Number), options.Creditor.BillingEmail, Template: template),
                CancellationToken.None);
            if (channel is Channel.Email or Channel.WhatsApp)
            {
                // ACS email and WhatsApp delivery reports carry only the message id, no tag (design/ACS.md): remember
                // whose message it was. Once per id, so a retried activity records nothing new.
                await store.RecordSentMessageAsync(receipt.ProviderMessageId, input.WorkflowInstanceId, input.At, CancellationToken.None);
            }

            if (channel == Channel.WhatsApp)
            {
                // A reply comes from the debtor's number: remember whose number it is.
                await store.RecordSentMessageAsync(WhatsAppMessages.DebtorKey(to), invoice.Debtor.Id, input.At, CancellationToken.None);
            }
        }
        catch (MessageThrottledException throttled)
        {
            // A 429 beyond the provider client's own retries: the same as a used-up budget, for every workflow.
            var until = input.At + (throttled.RetryAfter ?? TimeSpan.FromMinutes(1));
            await budget.ThrottledAsync(channel, input.StepKey, until);
            return new SendMessageResult(SendOutcome.Throttled, SentVia: channel, NotBefore: until);
        }
        catch (MessageRejectedException rejected)
        {
            await LogAsync(input.StepKey + ":refused", invoice, input.At, ContactKinds.DeliveryFailed, $"{MessageNames.Of(channel)} to {to} refused: {rejected.Message}", channel: channel);
            return new SendMessageResult(SendOutcome.Refused, rejected.Message, channel);
        }

        var data = new Dictionary<string, object?>
        {
            ["kind"] = MessageNames.Of(request.Kind),
            ["to"] = to,
            ["subject"] = rendered.Subject,
            ["balance"] = model.PrincipalTotal,
            ["costs"] = model.CostsTotal,
            ["interest"] = model.InterestTotal,
            ["announcedCosts"] = request.Kind == MessageKind.FinalNotice && input.TreatAsConsumer ? model.AnnouncedCostsTotal : null,
            ["deadline"] = model.NewDeadline,
            ["invoiceNumbers"] = model.Invoices.Select(line => line.Number).ToList(),
            ["policyVersion"] = input.PolicyVersion,
            ["whatsAppTemplate"] = template?.Name,
        };
        await LogAsync(input.StepKey, invoice, input.At, ContactKinds.Message, $"{MessageNames.Of(request.Kind)} ({MessageNames.Of(request.Tone)}) by {MessageNames.Of(channel)}",
            channel, MessageNames.Of(request.Tone), text, data);
        return new SendMessageResult(SendOutcome.Sent, SentVia: channel);
    }

    /// <summary>R1/R6: a call task on the staff list, with its script, the contact history and earlier promises.
    /// One call per debtor: when the debtor already has an open task, this invoice joins it.</summary>
    public async Task<string> RaiseCallTask(CallTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invoice = input.Invoice;
        await using var debtorTurn = await debtorGate.EnterAsync(invoice.Debtor.Id);
        var script = Kebab(input.Script);
        var existing = await store.GetCallTaskAsync(input.StepKey, CancellationToken.None)
            ?? (await store.ListOpenCallTasksAsync(null, CancellationToken.None)).FirstOrDefault(task => task.DebtorId == invoice.Debtor.Id);
        if (existing is not null && existing.Id != input.StepKey)
        {
            if (!existing.InvoiceNumbers.Contains(invoice.Number))
            {
                await store.UpdateCallTaskAsync(existing with { InvoiceNumbers = [.. existing.InvoiceNumbers, invoice.Number] }, CancellationToken.None);
            }

            await LogAsync(input.StepKey, invoice, input.At, ContactKinds.CallTaskJoined, $"Added to the debtor's open call task ({existing.Script}) instead of a second call.");
            return existing.Id;
        }

        await store.AddCallTaskAsync(
            new CallTaskRecord(input.StepKey, invoice.Debtor.Id, [invoice.Number], input.WorkflowInstanceId, script, input.At, input.DueBy, CallTaskStatus.Open),
            CancellationToken.None);
        var data = new Dictionary<string, object?>
        {
            ["taskId"] = input.StepKey,
            ["script"] = script,
            ["attempt"] = input.Attempt,
            ["dueBy"] = input.DueBy,
            ["phone"] = invoice.Debtor.Phone,
            ["balance"] = input.Balance,
            ["agreement"] = input.Agreement,
            ["earlierContacts"] = input.EarlierContacts.Select(contact => $"{contact.Date:yyyy-MM-dd} {Kebab(contact.Kind)}").ToList(),
        };
        await LogAsync(input.StepKey, invoice, input.At, ContactKinds.CallTask, $"Call task ({script}, attempt {input.Attempt})", text: CallScripts.For(input.Script), data: data);
        return input.StepKey;
    }

    /// <summary>Takes this invoice off a call task (the invoice closed, a dispute opened, or nobody called in time);
    /// the task leaves the staff list when no invoice is left on it.</summary>
    public async Task<bool> CancelCallTask(CancelCallTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var debtorTurn = await debtorGate.EnterAsync(input.Invoice.Debtor.Id);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var task = await store.GetCallTaskAsync(input.TaskId, CancellationToken.None);
            if (task is null || task.Status != CallTaskStatus.Open || !task.InvoiceNumbers.Contains(input.Invoice.Number))
            {
                return false;
            }

            var remaining = task.InvoiceNumbers.Where(number => number != input.Invoice.Number).ToList();
            try
            {
                await store.UpdateCallTaskAsync(
                    remaining.Count > 0
                        ? task with { InvoiceNumbers = remaining }
                        : task with { Status = CallTaskStatus.Cancelled, Outcome = JsonSerializer.Serialize(new { cancelled = input.Reason }, CollectionsJson.Options) },
                    CancellationToken.None);
                return true;
            }
            catch (StoreConflictException)
            {
                // Staff recorded an outcome meanwhile: read again.
            }
        }

        return false;
    }

    /// <summary>Tells the store where the workflow now stands, for the invoice list's stage filter and the overview.</summary>
    public async Task<bool> RecordStage(RecordStageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var counts = input.LastStep is null ? null : new LadderCounts(input.LastStep, input.PromisesMade, input.PromisesBroken);
        return await store.SetInvoiceProgressAsync(input.InvoiceNumber, new InvoiceProgress(input.Stage, counts), CancellationToken.None);
    }

    /// <summary>Appends a note, staff task, payment, call outcome or approval line to the contact log.</summary>
    public async Task<bool> Record(RecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await LogAsync(input.StepKey, input.Invoice, input.At, input.Kind, input.Summary, dataJson: input.DataJson);
        if (input.Kind == ContactKinds.StaffTask)
        {
            // Keyed by the step, like the log entry: a retried activity raises the task once.
            await store.AddStaffTaskAsync(
                new StaffTaskRecord(
                    input.StepKey, input.TaskKind ?? StaffTaskKinds.Other, input.Invoice.Number, input.Invoice.Debtor.Id, input.Summary, input.At, StaffTaskStatus.Open,
                    DetailsJson: input.DataJson),
                CancellationToken.None);
        }

        return true;
    }

    /// <summary>R11: an approval record (only the token's hash is stored) and the approval email to the approver.</summary>
    public async Task<string> RequestHandOverApproval(ApprovalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var approvalId = input.StepKey;
        var token = Token(approvalId);
        await store.AddApprovalAsync(
            new ApprovalRecord(approvalId, input.Invoice.Number, input.WorkflowInstanceId, ApprovalActions.HandOver, Hash(token), input.At, input.At.AddDays(input.LinkValidDays)),
            CancellationToken.None);
        await SendApprovalEmailAsync(approvalId, input.StepKey, input.At, input.Invoice, input.Balance, input.TreatAsConsumer, input.AddVatToCosts, input.ApproverEmail, note: null);
        var data = new Dictionary<string, object?> { ["action"] = ApprovalActions.HandOver, ["approvalId"] = approvalId, ["approver"] = input.ApproverEmail };
        await LogAsync(input.StepKey, input.Invoice, input.At, ContactKinds.ApprovalRequested, $"Approval for hand-over requested from {input.ApproverEmail}", data: data);
        return approvalId;
    }

    /// <summary>The approval is still open: the approver is reminded, or the request escalated to another person.</summary>
    public async Task<bool> RemindApprover(ApproverReminderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var approval = await store.GetApprovalAsync(input.ApprovalId, CancellationToken.None);
        if (approval is null || approval.Decision is not null)
        {
            return false;
        }

        var invoice = await store.GetInvoiceAsync(input.Invoice.Number, CancellationToken.None);
        var note = input.Escalation
            ? $"Escalated to you: the request of {approval.RequestedAt:yyyy-MM-dd} is still waiting for a decision."
            : $"Reminder: this request of {approval.RequestedAt:yyyy-MM-dd} is still waiting for your decision.";
        await SendApprovalEmailAsync(approval.Id, input.StepKey, input.At, input.Invoice, invoice?.OpenBalance ?? input.Invoice.Amount, input.Invoice.Debtor.Kind == DebtorKind.Consumer, false, input.To, note);
        await LogAsync(input.StepKey, input.Invoice, input.At, input.Escalation ? ContactKinds.ApprovalEscalated : ContactKinds.ApprovalReminder, (input.Escalation ? "Approval escalated to " : "Approver reminded: ") + input.To);
        return true;
    }

    /// <summary>R11: emails the dossier (PDF, JSON and CSV) to the configured agency, then tells the debtor whom to contact now.
    /// False when it could not be handed over (no agency address, or the address refused): staff take it from there.</summary>
    public async Task<bool> HandOver(HandOverInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invoice = input.Invoice;
        if (options.CollectionAgency is not { } agency || options.CollectionAgencyEmail is not { } agencyEmail)
        {
            await LogAsync(input.StepKey + ":no-agency", invoice, input.At, ContactKinds.Note, "Not handed over: no collection agency email address is configured (Collections:Activities:CollectionAgencyEmail).");
            return false;
        }

        var today = DateOnly.FromDateTime(input.At.DateTime);
        var claim = ClaimAmounts.For(invoice, input.Balance, today, costsCharged: true, input.TreatAsConsumer, input.AddVatToCosts);
        // A retried activity finds its own lines in the log: the dossier shows what happened before the hand-over.
        var log = (await store.ListContactsAsync(invoice.Number, CancellationToken.None)).Where(entry => !entry.Id.StartsWith(input.StepKey, StringComparison.Ordinal)).ToList();
        var dossier = HandOverDossier.From(agency, today, options.Creditor, invoice, input.Balance, claim, log);
        MessageAttachment[] attachments =
        [
            new($"dossier-{invoice.Number}.pdf", "application/pdf", DossierPdf.Render(dossier)),
            new($"dossier-{invoice.Number}.json", "application/json", dossier.ToJson()),
            new($"dossier-{invoice.Number}-claim.csv", "text/csv", DossierCsv.Claim(dossier)),
            new($"dossier-{invoice.Number}-contacts.csv", "text/csv", DossierCsv.Contacts(dossier)),
        ];
        var tag = InvoiceWorkflow.InstanceIdFor(invoice.Number);
        try
        {
            await sender.SendAsync(
                new OutgoingMessage(input.StepKey + ":agency", Channel.Email, agencyEmail, $"Overdracht vordering {invoice.Number} ({invoice.Debtor.Name})",
                    $"Bijgaand het dossier van vordering {invoice.Number} van {options.Creditor.Name} op {invoice.Debtor.Name}: PDF voor het dossier, JSON of CSV (vordering en contactlog) voor import.\n\n{options.Creditor.BillingContactName}\n{options.Creditor.BillingEmail}\n{options.Creditor.BillingPhone}",
                    null, tag, options.Creditor.BillingEmail, attachments),
                CancellationToken.None);
        }
        catch (MessageRejectedException rejected)
        {
            await LogAsync(input.StepKey + ":agency-refused", invoice, input.At, ContactKinds.DeliveryFailed, $"Dossier to {agencyEmail} refused: {rejected.Message}", channel: Channel.Email);
            return false;
        }

        var data = new Dictionary<string, object?>
        {
            ["balance"] = input.Balance, ["costs"] = dossier.Amounts.Costs, ["interest"] = dossier.Amounts.Interest, ["agency"] = agency, ["agencyEmail"] = agencyEmail,
            ["attachments"] = attachments.Select(attachment => attachment.Name).ToList(),
        };
        await LogAsync(input.StepKey, invoice, input.At, ContactKinds.HandedOver, $"Handed over to {agency}: dossier emailed to {agencyEmail}", data: data);
        await SendHandOverNoticeAsync(input, agency, agencyEmail, dossier.Amounts);
        return true;
    }

    private async Task SendHandOverNoticeAsync(HandOverInput input, string agency, string agencyEmail, DossierAmounts amounts)
    {
        var invoice = input.Invoice;
        var channel = invoice.Debtor.Email is null ? Channel.Sms : Channel.Email;
        var to = (channel == Channel.Email ? invoice.Debtor.Email : invoice.Debtor.Phone) ?? string.Empty;
        var (subject, text) = HandOverNotice.Render(invoice.Debtor.Language, DebtorContact.From(invoice.Debtor).SalutationName, invoice.Number, options.Creditor, agency, agencyEmail, options.CollectionAgencyPhone);
        var stepKey = input.StepKey + ":debtor";
        try
        {
            await sender.SendAsync(new OutgoingMessage(stepKey, channel, to, subject, text, null, InvoiceWorkflow.InstanceIdFor(invoice.Number), options.Creditor.BillingEmail), CancellationToken.None);
        }
        catch (MessageRejectedException rejected)
        {
            await LogAsync(stepKey + ":refused", invoice, input.At, ContactKinds.DeliveryFailed, $"{MessageNames.Of(channel)} to {to} refused: {rejected.Message}", channel: channel);
            return;
        }

        var data = new Dictionary<string, object?>
        {
            ["kind"] = "hand-over-notice", ["to"] = to, ["subject"] = subject, ["balance"] = amounts.Principal, ["costs"] = amounts.Costs, ["interest"] = amounts.Interest,
            ["invoiceNumbers"] = new List<string> { invoice.Number },
        };
        await LogAsync(stepKey, invoice, input.At, ContactKinds.Message, $"hand-over-notice (formal) by {MessageNames.Of(channel)}", channel, MessageNames.Of(Tone.Formal), text, data);
    }

    /// <summary>Records how the invoice ended: its status in the store and a last contact-log line.</summary>
    public async Task<bool> CompleteInvoice(CompleteInvoiceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var status = Kebab(input.Result);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var record = await store.GetInvoiceAsync(input.Invoice.Number, CancellationToken.None);
            if (record is null || record.Status == status)
            {
                break;
            }

            try
            {
                await store.UpdateInvoiceAsync(record with { Status = status, OpenBalance = Math.Max(input.Balance, 0) }, CancellationToken.None);
                break;
            }
            catch (StoreConflictException)
            {
                // A payment or change was stored meanwhile: read again.
            }
        }

        var data = new Dictionary<string, object?> { ["result"] = status, ["balance"] = Math.Max(input.Balance, 0) };
        await LogAsync(input.StepKey, input.Invoice, input.At, ContactKinds.Completed, $"Completed: {status}", data: data);
        return true;
    }

    private async Task SendApprovalEmailAsync(
        string approvalId, string stepKey, DateTimeOffset at, Invoice invoice, decimal balance, bool consumer, bool vat, string to, string? note)
    {
        var today = DateOnly.FromDateTime(at.DateTime);
        var token = Token(approvalId);
        var history = await store.ListContactsAsync(invoice.Number, CancellationToken.None);
        var claim = ClaimAmounts.For(invoice, balance, today, costsCharged: true, consumer, vat);
        var model = Model(invoice, today, []) with
        {
            Invoices = [Line(invoice, balance, claim)],
            Approval = new ApprovalRequestDetails(
                new Uri(options.ApprovalLinkBase, $"{token}/approve"),
                new Uri(options.ApprovalLinkBase, $"{token}/reject"),
                [.. history.Select(HistoryEntryOf)],
                options.CollectionAgency,
                note),
        };
        var rendered = Renderer.Render(MessageKind.ApprovalRequest, Tone.Businesslike, Channel.Email, options.StaffLanguage, model);
        await sender.SendAsync(new OutgoingMessage(stepKey, Channel.Email, to, rendered.Subject, rendered.Text, rendered.Html, "approval:" + approvalId), CancellationToken.None);
    }

    private static HistoryEntry HistoryEntryOf(ContactLogEntry entry)
    {
        var details = ContactLogDetails.Of(entry);
        return new HistoryEntry(
            DateOnly.FromDateTime(entry.At.DateTime), entry.Summary, entry.Kind, details.Message, entry.Tone,
            entry.Channel is { } channel ? MessageNames.Of(channel) : null, details.Script, details.Attempt, details.Amount, details.Balance,
            details.Outcome, details.Day, details.Instalments, details.Note);
    }

    private ReminderMessageModel Model(Invoice invoice, DateOnly today, IReadOnlyList<EarlierContact> earlier) => new()
    {
        Creditor = options.Creditor,
        Debtor = DebtorContact.From(invoice.Debtor),
        MessageDate = today,
        Invoices = [InvoiceLine.From(invoice)],
        Currency = invoice.Currency,
        PaymentReference = invoice.Number,
        PaymentLink = new Uri(options.PaymentLinkBase, Uri.EscapeDataString(invoice.Number)),
        DebtorPageLink = DebtorLinkSigner.CreateLink(
            options.DebtorPageBase,
            options.DebtorLinkSecret,
            invoice.Number,
            new DateTimeOffset(today.AddDays(options.DebtorLinkLifetimeDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        EarlierContacts = earlier,
    };

    private static InvoiceLine Line(Invoice invoice, decimal balance, ClaimAmounts claim) =>
        new(invoice.Number, invoice.IssueDate, invoice.DueDate, invoice.Amount, balance, invoice.CustomerReference, claim.Costs, claim.Interest, claim.AnnouncedCosts);

    /// <summary>The debtor's other open invoices past their due date, as stored (their own workflows keep their state).</summary>
    private async Task<IReadOnlyList<InvoiceLine>> OtherOverdueInvoicesAsync(Invoice invoice, DateOnly today)
    {
        var records = await store.ListInvoicesOfDebtorAsync(invoice.Debtor.Id, CancellationToken.None);
        return [.. records
            .Where(record => record.Invoice.Number != invoice.Number && record.Status == "open" && record.OpenBalance > 0
                && BusinessCalendar.Dutch.OnOrNextBusinessDay(record.Invoice.DueDate) < today)
            .Select(record => new InvoiceLine(record.Invoice.Number, record.Invoice.IssueDate, record.Invoice.DueDate, record.Invoice.Amount, record.OpenBalance, record.Invoice.CustomerReference))];
    }

    private static IReadOnlyList<string> ListedInvoices(ContactLogEntry entry)
    {
        if (entry.DataJson is null)
        {
            return [entry.InvoiceNumber];
        }

        using var data = JsonDocument.Parse(entry.DataJson);
        return data.RootElement.TryGetProperty("invoiceNumbers", out var numbers)
            ? [.. numbers.EnumerateArray().Select(number => number.GetString() ?? string.Empty)]
            : [entry.InvoiceNumber];
    }

    private async Task LogAsync(
        string id, Invoice invoice, DateTimeOffset at, string kind, string summary, Channel? channel = null, string? tone = null, string? text = null,
        IReadOnlyDictionary<string, object?>? data = null, string? dataJson = null) =>
        await store.AppendContactAsync(
            new ContactLogEntry(id, invoice.Number, invoice.Debtor.Id, at, kind, summary, channel, tone, text,
                dataJson ?? (data is null ? null : JsonSerializer.Serialize(data.Where(pair => pair.Value is not null).ToDictionary(), CollectionsJson.Options))),
            CancellationToken.None);

    private string Token(string approvalId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.ApprovalTokenSecret), Encoding.UTF8.GetBytes(approvalId)));

    /// <summary>SHA-256 of the token, hex: what the store keeps (ApprovalRecord.TokenHash).</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <param name="field">phone or email.</param>
    private static (string? Value, string? Problem) Check(string? value, Func<string?, ContactCheck> check, string field, bool required, List<CheckProblem> problems)
    {
        var what = field == "phone" ? "phone number" : "email address";
        if (string.IsNullOrWhiteSpace(value))
        {
            if (!required)
            {
                return (null, null);
            }

            problems.Add(CheckProblem.Of("no-contact", ("field", field)));
            return (null, $"no {what} for the preferred channel");
        }

        var result = check(value);
        if (result.IsValid)
        {
            return (result.Value, null);
        }

        problems.Add(CheckProblem.Of("unusable-contact", ("field", field), ("value", value), ("reason", result.Code!)));
        return (null, $"{what} '{value}' is unusable: {result.Error}");
    }

    private static string Invariant(IFormattable value) => value.ToString(value is DateOnly ? "yyyy-MM-dd" : null, CultureInfo.InvariantCulture);

    private static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
