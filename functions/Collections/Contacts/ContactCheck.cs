namespace Collections.Contacts;

/// <summary>The outcome of checking one piece of contact data: the normalised value, or why it was refused — in English
/// for the API (<see cref="Error"/>) and as a code pages name in their own language (<see cref="Code"/>).</summary>
public sealed record ContactCheck
{
    private ContactCheck(string? value, string? code, string? error)
    {
        Value = value;
        Code = code;
        Error = error;
    }

    public string? Value { get; }

    /// <summary>required, too-long, not-bare, invalid, no-domain, no-country-code, too-short, not-a-number, not-in-plan.</summary>
    public string? Code { get; }

    public string? Error { get; }

    public bool IsValid => Error is null;

    public static ContactCheck Valid(string value) => new(value, null, null);

    public static ContactCheck Invalid(string code, string error) => new(null, code, error);
}
