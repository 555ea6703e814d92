namespace Collections.Infrastructure.Payments;

/// <summary>Whether a webhook's signature proves it came from the provider, and if not, why.</summary>
public sealed record SignatureCheck(SignatureFailure? Failure, string Message)
{
    public bool IsValid => Failure is null;

    public static SignatureCheck Valid { get; } = new(null, "Signature valid.");

    public static SignatureCheck Invalid(SignatureFailure failure, string message) => new(failure, message);
}
