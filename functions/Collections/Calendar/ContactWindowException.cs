namespace Collections.Calendar;

/// <summary>A contact window that the law does not allow or that makes no sense.</summary>
public sealed class ContactWindowException : Exception
{
    public ContactWindowException(IReadOnlyList<string> errors)
        : base(string.Join(" ", errors)) => Errors = errors;

    public ContactWindowException()
        : this([])
    {
    }

    public ContactWindowException(string message)
        : base(message) => Errors = [message];

    public ContactWindowException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public IReadOnlyList<string> Errors { get; }
}
