namespace Collections.Handlers.Calls;

/// <summary>What a staff member recorded after a call (R6, R7).</summary>
/// <param name="Outcome">One of <see cref="CallOutcomeKinds.All"/>.</param>
/// <param name="PromisedDate">Required for promise-to-pay.</param>
/// <param name="Instalments">Required for payment-plan.</param>
/// <param name="Reason">Required for dispute.</param>
/// <param name="CallbackAt">Required for callback-requested.</param>
/// <param name="RecordedBy">The staff member, for the contact log.</param>
public sealed record CallOutcomeRequest(
    string? Outcome,
    DateOnly? PromisedDate = null,
    IReadOnlyList<InstalmentRequest>? Instalments = null,
    string? Reason = null,
    DateTimeOffset? CallbackAt = null,
    string? Note = null,
    string? RecordedBy = null);

public sealed record InstalmentRequest(DateOnly? DueDate, decimal? Amount);

public static class CallOutcomeKinds
{
    public const string PaidNow = "paid-now";
    public const string PromiseToPay = "promise-to-pay";
    public const string PaymentPlan = "payment-plan";
    public const string Dispute = "dispute";
    public const string Hardship = "hardship";
    public const string NoAnswer = "no-answer";
    public const string WrongNumber = "wrong-number";
    public const string CallbackRequested = "callback-requested";

    public static readonly IReadOnlyList<string> All =
        [PaidNow, PromiseToPay, PaymentPlan, Dispute, Hardship, NoAnswer, WrongNumber, CallbackRequested];
}
