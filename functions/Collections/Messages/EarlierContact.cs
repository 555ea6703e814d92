namespace Collections.Messages;

/// <summary>An earlier contact about the same invoice(s), referred to by its date, never by a number (R4).</summary>
public sealed record EarlierContact(DateOnly Date, EarlierContactKind Kind);

public enum EarlierContactKind
{
    Email,
    Sms,
    Call,
    Letter,
    WhatsApp,
}
