namespace Collections.Contacts;

/// <summary>The outcome of checking one piece of contact data: the normalised value, or why it was refused.</summary>
public sealed record ContactCheck
{
    private ContactCheck(string? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public string? Value { get; }

    public string? Error { get; }

    public bool IsValid => Error is null;

    public static ContactCheck Valid(string value) => new(value, null);

    public static ContactCheck Invalid(string error) => new(null, error);
}
