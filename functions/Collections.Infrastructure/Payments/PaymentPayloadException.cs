namespace Collections.Infrastructure.Payments;

/// <summary>A provider's payload lacks a field the product needs or has it in the wrong form.</summary>
public sealed class PaymentPayloadException : Exception
{
    public PaymentPayloadException(string field, string message)
        : base(message) => Field = field;

    public PaymentPayloadException()
        : this("$", "The payment payload is not valid.")
    {
    }

    public PaymentPayloadException(string message)
        : this("$", message)
    {
    }

    public PaymentPayloadException(string message, Exception innerException)
        : base(message, innerException) => Field = "$";

    /// <summary>The JSON path of the offending field, <c>$</c> for the whole payload.</summary>
    public string Field { get; }
}
