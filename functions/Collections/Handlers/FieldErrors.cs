namespace Collections.Handlers;

/// <summary>Validation errors keyed by the request field's JSON path (camelCase, dotted: <c>debtor.phone</c>).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            messages = [];
            errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    public FieldErrors Required(string field, object? value)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            Add(field, "Required.");
        }

        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int maxLength)
    {
        if (value?.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }

        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
