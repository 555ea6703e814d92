namespace Collections.Activities;

/// <summary>One problem the check before chasing found (R2), as facts a page tells in its reader's language: its code
/// (amount-not-positive, due-before-issue, no-contact, unusable-contact, landline-for-sms, foreign-payment) and its values
/// (field, value, reason, amount, currency, …).</summary>
public sealed record CheckProblem(string Code, IReadOnlyDictionary<string, string> Facts)
{
    public static CheckProblem Of(string code, params (string Name, string Value)[] facts) =>
        new(code, facts.ToDictionary(fact => fact.Name, fact => fact.Value, StringComparer.Ordinal));
}
