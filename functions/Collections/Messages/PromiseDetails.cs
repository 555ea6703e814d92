namespace Collections.Messages;

/// <summary>A promise to pay that the debtor made (R7); a promise reminder says it was not met.</summary>
public sealed record PromiseDetails(DateOnly MadeOn, DateOnly PromisedDate, decimal Amount);
