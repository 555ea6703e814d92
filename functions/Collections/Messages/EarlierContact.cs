namespace Collections.Messages;

/// <summary>An earlier contact about the same invoice(s), referred to by its date, never by a number (R4).
/// Only what happened: a message that was sent, a call in which the debtor was reached, or (kept apart, and
/// stated only as an attempt) a call staff made that nobody answered.</summary>
public sealed record EarlierContact(DateOnly Date, EarlierContactKind Kind)
{
    /// <summary>True for real contact; false for an unanswered call attempt.</summary>
    public bool IsContact => Kind != EarlierContactKind.CallAttempt;
}

public enum EarlierContactKind
{
    Email,
    Sms,

    /// <summary>A call in which staff spoke with the debtor (a recorded outcome other than no-answer or wrong number).</summary>
    Call,
    Letter,
    WhatsApp,

    /// <summary>A call staff made and recorded as not answered: never described as contact.</summary>
    CallAttempt,
}
