namespace Collections.Workflow;

/// <summary>What staff recorded after a call (R6, R7).</summary>
public sealed record CallOutcome(
    CallOutcomeKind Kind,
    DateOnly? PromisedDate = null,
    IReadOnlyList<Instalment>? Instalments = null,
    string? Reason = null,
    DateTimeOffset? CallbackAt = null,
    string? Note = null);

public enum CallOutcomeKind
{
    PaidNow,
    PromiseToPay,
    PaymentPlan,
    Dispute,
    Hardship,
    NoAnswer,
    WrongNumber,
    CallbackRequested,
}

public sealed record Instalment(DateOnly DueDate, decimal Amount);
