namespace Collections.Infrastructure.Payments;

public enum SignatureFailure
{
    /// <summary>No signature header.</summary>
    Missing,

    /// <summary>The header is not in the provider's format.</summary>
    Malformed,

    /// <summary>No signature in the header matches the body (wrong secret or tampered body).</summary>
    Mismatch,

    /// <summary>The signed timestamp is older than the tolerance (a replay or a very late delivery).</summary>
    Stale,

    /// <summary>The signed timestamp is further in the future than the tolerance.</summary>
    FromFuture,
}
