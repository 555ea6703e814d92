using Collections.Invoices;
using Collections.Law;
using Collections.Messages;
using Collections.Policy;

namespace Collections.Workflow;

/// <summary>What the invoice workflow knows, carried across ContinueAsNew. Only the workflow mutates it.</summary>
public sealed class InvoiceState
{
    public required Invoice Invoice { get; set; }

    public required CollectionsPolicy Policy { get; set; }

    public InvoiceStage Stage { get; set; } = InvoiceStage.CheckBeforeChasing;

    /// <summary>Open principal: amount minus payments and credits.</summary>
    public decimal Balance { get; set; }

    public decimal Paid { get; set; }

    public decimal Credited { get; set; }

    public List<string> AppliedPaymentIds { get; set; } = [];

    /// <summary>Credit notes already applied, so a credit note booked again in another request is recognised by its number.</summary>
    public List<string> AppliedCreditNotes { get; set; } = [];

    /// <summary>The most recent <see cref="InvoiceEvent.EventId"/>s handled, oldest first, at most
    /// <see cref="HandledEventIdsKept"/>: a redelivered event is recognised after ContinueAsNew too.</summary>
    public List<string> HandledEventIds { get; set; } = [];

    /// <summary>Enough for the redeliveries of one invoice's lifetime; bounded so the state stays small.</summary>
    public const int HandledEventIdsKept = 200;

    /// <summary>The channel messages go to now (preferred, or the next one after a failure).</summary>
    public Channel Channel { get; set; }

    public bool PhoneFlagged { get; set; }

    public bool EmailFlagged { get; set; }

    /// <summary>A WhatsApp message did not arrive: the number may still take SMS.</summary>
    public bool WhatsAppFlagged { get; set; }

    /// <summary>When the last ladder step acted; the next step is timed from here, so an outage
    /// delays the ladder instead of releasing several steps at once.</summary>
    public DateTime LastStepUtc { get; set; }

    /// <summary>Earlier contact, so messages refer to it by date instead of numbering (R4).</summary>
    public List<EarlierContact> Contacts { get; set; } = [];

    public PendingCall? Call { get; set; }

    /// <summary>Where the ladder resumes when an agreement (promise, plan) is broken.</summary>
    public InvoiceStage AfterAgreement { get; set; } = InvoiceStage.BusinesslikeReminder;

    public Promise? Promise { get; set; }

    public PaymentPlan? Plan { get; set; }

    /// <summary>Open dispute, if any: all chasing waits for its resolution.</summary>
    public string? Dispute { get; set; }

    /// <summary>Set while staff have paused chasing; every wait then runs without a timer.</summary>
    public DateTime? PausedSinceUtc { get; set; }

    public DateOnly? FinalNoticeSentOn { get; set; }

    /// <summary>The last day of the final notice's term; costs are charged only after it.</summary>
    public DateOnly? FinalNoticeLastDay { get; set; }

    public bool CostsCharged { get; set; }

    public bool Hardship { get; set; }

    public string? ApprovalId { get; set; }

    public LastMessage? LastMessage { get; set; }

    /// <summary>The last day to pay the last message stated; the next ladder step comes only after it (plus grace).</summary>
    public DateOnly? StatedDeadline { get; set; }

    /// <summary>Calls staff made and recorded (answered or not; a wrong number is not an attempt to reach the debtor).</summary>
    public int CallAttemptsRecorded { get; set; }

    /// <summary>The stage last written to the store (<see cref="InvoiceWorkflow"/> writes it when it changes).</summary>
    public InvoiceStage? StoredStage { get; set; }

    /// <summary>Whether this run writes its stage to the store. Set for new workflows and at ContinueAsNew, where a fresh
    /// history begins; false in the state of a workflow started before stages were stored, whose recorded history
    /// replays without those activity calls.</summary>
    public bool StoresStage { get; set; }

    /// <summary>The last ladder step that reached the debtor: after which step a paid invoice was paid.</summary>
    public LadderStep LastLadderStep { get; set; }

    /// <summary>Promises to pay and payment plans agreed over the whole run (R7).</summary>
    public int PromisesMade { get; set; }

    /// <summary>Promises not met and instalments missed over the whole run (R7).</summary>
    public int PromisesBroken { get; set; }

    /// <summary>The progress last written to the store with the stage (<see cref="InvoiceWorkflow"/> writes it when it changes).</summary>
    public StoredProgress? StoredProgress { get; set; }

    /// <summary>Whether this run writes its ladder step and promise counts with the stage: like <see cref="StoresStage"/>,
    /// set for new workflows and at ContinueAsNew, false in the state of a workflow started before they were stored.</summary>
    public bool StoresProgress { get; set; }

    /// <summary>Activities called over the whole run (part of each step's idempotency key).</summary>
    public int Steps { get; set; }

    /// <summary>Activities called since the last ContinueAsNew.</summary>
    public int StepsSinceRestart { get; set; }

    public static InvoiceState Start(Invoice invoice, CollectionsPolicy policy, DateTime nowUtc) => new()
    {
        Invoice = invoice,
        Policy = policy,
        Balance = invoice.Amount,
        Channel = invoice.Debtor.PreferredChannel,
        LastStepUtc = nowUtc,
        StoresStage = true,
        StoresProgress = true,
    };
}

public enum InvoiceStage
{
    CheckBeforeChasing,
    AwaitContactDetails,
    NudgeBeforeDue,
    WaitForDueDate,
    FriendlyReminder,
    FirstCall,
    BusinesslikeReminder,
    FollowUpCall,
    Call,
    WatchPromise,
    WatchPaymentPlan,
    FinalNotice,
    FinalNoticeTerm,
    HandOverApproval,
    HandOver,
    ManualHandling,
}

/// <summary>A call the workflow is about to ask staff to make, or is waiting on.</summary>
/// <param name="Required">Raised because a step needs a call attempt first: when nobody works it, it stays on the
/// list (escalated) instead of falling back to writing.</param>
public sealed record PendingCall(CallScript Script, int Attempt, InvoiceStage Next, DateTime NotBeforeUtc, string? TaskId = null, bool Required = false);

/// <summary>What the workflow last wrote to the store about where it stands, so it writes only when this changes.</summary>
public sealed record StoredProgress(InvoiceStage Stage, LadderStep LastLadderStep, int PromisesMade, int PromisesBroken);

public sealed record Promise(DateOnly MadeOn, DateOnly Date, decimal Amount);

public sealed record PaymentPlan(DateOnly AgreedOn, IReadOnlyList<Instalment> Instalments, int Next, decimal PaidAtStart);

public sealed record LastMessage(MessageRequest Request, Channel Channel, DateTime SentUtc);

/// <summary>A written message the workflow asks for: its kind and tone (R5) and what it must state.</summary>
public sealed record MessageRequest(
    MessageKind Kind,
    Tone Tone,
    FinalNoticeDates? FinalNotice = null,
    PromiseDetails? Promise = null,
    PaymentPlanDetails? Plan = null);

/// <summary>Which call script staff get (R6).</summary>
public enum CallScript
{
    FirstContact,
    FollowUp,
    PromiseBroken,
    InstalmentMissed,
    Hardship,
}
