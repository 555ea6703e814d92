namespace Collections.Messaging;

/// <summary>What a send brings to the sending budget.</summary>
/// <param name="Slot">The slot given to this send earlier (<see cref="BudgetWait.Reserved"/>), if any.</param>
/// <param name="SendBy">The end of the sender's message window: no slot is given at or after it.</param>
public readonly record struct BudgetRequest(DateTimeOffset? Slot = null, DateTimeOffset? SendBy = null);
