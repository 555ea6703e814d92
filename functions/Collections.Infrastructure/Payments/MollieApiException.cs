using System.Net;

namespace Collections.Infrastructure.Payments;

/// <summary>The Mollie API refused or failed a request.</summary>
public sealed class MollieApiException : Exception
{
    public MollieApiException(HttpStatusCode status, string message)
        : base(message) => Status = status;

    public MollieApiException()
    {
    }

    public MollieApiException(string message)
        : base(message)
    {
    }

    public MollieApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? Status { get; }
}
