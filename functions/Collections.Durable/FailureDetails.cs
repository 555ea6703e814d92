namespace Collections.Durable;

/// <summary>Why an activity or an orchestration failed.</summary>
/// <param name="ErrorType">Full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
public sealed record FailureDetails(string ErrorType, string ErrorMessage)
{
    internal static FailureDetails From(Exception exception) =>
        new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message);

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
