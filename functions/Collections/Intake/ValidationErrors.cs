namespace Collections.Intake;

/// <summary>Error messages per JSON field path (e.g. <c>debtor.phone</c>), ready for an RFC 7807
/// "validation problem" (<c>errors</c>: field → messages). <c>$</c> names the body itself.</summary>
public sealed class ValidationErrors
{
    public const string Body = "$";

    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);
}
