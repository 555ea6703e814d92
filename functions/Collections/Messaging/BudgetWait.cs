namespace Collections.Messaging;

/// <summary>A send that may not go yet: the moment it may, and whether that moment is a slot counted for it
/// (then it sends at <paramref name="NotBefore"/> without asking again) or only the time to ask again.</summary>
public readonly record struct BudgetWait(DateTimeOffset NotBefore, bool Reserved);
